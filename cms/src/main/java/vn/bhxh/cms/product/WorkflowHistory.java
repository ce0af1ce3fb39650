package vn.bhxh.cms.product;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import vn.bhxh.cms.security.Actor;
import vn.bhxh.cms.security.People;
import vn.bhxh.cms.workflow.WorkflowState;

/**
 * Who took a variant through which workflow step, when and with which comment, for the variant page, the dashboard
 * and the API alike; and why a draft was sent back to its author.
 */
@Service
public class WorkflowHistory {

    private final ProductService products;
    private final WorkflowSteps steps;
    private final People people;

    WorkflowHistory(ProductService products, WorkflowSteps steps, People people) {
        this.products = products;
        this.steps = steps;
        this.people = people;
    }

    /** The variant's steps, newest first, for whoever may read the variant. */
    public List<HistoryEntry> of(Actor actor, String productId, String language) {
        Variant variant = products.readVariant(actor, productId, language);
        List<WorkflowStep> found = steps.of(variant.id());
        Map<String, String> names = people.names(found.stream().map(WorkflowStep::actor).toList());
        return found.stream().map(s -> HistoryEntry.of(s, names.getOrDefault(s.actor(), s.actor()))).toList();
    }

    /** Why this draft was sent back, if its last step was a rejection. */
    public Optional<HistoryEntry> rejection(Variant variant) {
        return Optional.ofNullable(rejections(List.of(variant)).get(variant.id()));
    }

    /** For the drafts among these variants whose last step was a rejection: that rejection, by variant id. */
    public Map<String, HistoryEntry> rejections(List<Variant> variants) {
        List<String> drafts = variants.stream().filter(v -> v.state() == WorkflowState.DRAFT).map(Variant::id).toList();
        List<WorkflowStep> rejected = steps.latest(drafts).values().stream().filter(WorkflowStep::isRejection).toList();
        Map<String, String> names = people.names(rejected.stream().map(WorkflowStep::actor).toList());
        Map<String, HistoryEntry> byVariant = new HashMap<>();
        rejected.forEach(s -> byVariant.put(s.variantId(), HistoryEntry.of(s, names.getOrDefault(s.actor(), s.actor()))));
        return byVariant;
    }
}
