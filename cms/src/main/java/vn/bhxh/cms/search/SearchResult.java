package vn.bhxh.cms.search;

import java.util.List;
import java.util.Map;
import vn.bhxh.cms.product.ProductType;
import vn.bhxh.cms.workflow.WorkflowState;

/** @param totalIsLowerBound more than {@code total} items match (counting stops at 10,000) */
public record SearchResult(long total, boolean totalIsLowerBound, List<Hit> hits, Map<String, Map<String, Long>> facets) {

    public record Hit(String productId, String language, String title, String summary, WorkflowState state, ProductType type,
            boolean outdated, float score, Map<String, List<String>> highlights) {
    }
}
