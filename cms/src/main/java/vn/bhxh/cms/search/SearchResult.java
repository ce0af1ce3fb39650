package vn.bhxh.cms.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import vn.bhxh.cms.product.ProductType;
import vn.bhxh.cms.workflow.WorkflowState;

/** @param totalIsLowerBound more than {@code total} items match (counting stops at 10,000) */
public record SearchResult(long total, boolean totalIsLowerBound, List<Hit> hits, Map<String, Map<String, Long>> facets) {

    /**
     * @param sourceTitle for a translation, the title of its Vietnamese source (a translation not written yet has none)
     * @param updatedAt when the variant last changed
     */
    public record Hit(String productId, String language, String title, String sourceTitle, String summary,
            WorkflowState state, ProductType type, boolean outdated, Instant updatedAt, float score,
            Map<String, List<String>> highlights) {

        /** What to call the variant on a page: its own title, else its source's. */
        public String displayTitle() {
            return title != null && !title.isBlank() ? title : sourceTitle;
        }
    }
}
