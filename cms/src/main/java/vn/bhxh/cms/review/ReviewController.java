package vn.bhxh.cms.review;

import java.util.List;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import vn.bhxh.cms.api.Versions;
import vn.bhxh.cms.product.ContentDiff;
import vn.bhxh.cms.product.ContentLimits;
import vn.bhxh.cms.product.ProductAccess;
import vn.bhxh.cms.product.ProductService;
import vn.bhxh.cms.product.Variant;
import vn.bhxh.cms.product.VariantVersion;
import vn.bhxh.cms.product.WorkLists;
import vn.bhxh.cms.security.AccountPrincipal;
import vn.bhxh.cms.security.Actor;
import vn.bhxh.cms.site.PageController;
import vn.bhxh.cms.workflow.WorkflowAction;

/**
 * Reviewers' and approvers' queue and review page: what waits for them (within their scopes, never their own work),
 * what changed since they last saw it, and the decision with a comment (the workflow form posts to the variant's
 * transition, which the service checks again).
 */
@PageController
@RequestMapping("/review")
class ReviewController {

    private final WorkLists lists;
    private final ProductService products;
    private final ProductAccess access;
    private final ReviewHistory history;

    ReviewController(WorkLists lists, ProductService products, ProductAccess access, ReviewHistory history) {
        this.lists = lists;
        this.products = products;
        this.access = access;
        this.history = history;
    }

    @GetMapping
    String queue(@AuthenticationPrincipal AccountPrincipal user, Model model) {
        Actor actor = user.actor();
        model.addAttribute("toReview", lists.awaitingReview(actor));
        model.addAttribute("toApprove", lists.awaitingApproval(actor));
        model.addAttribute("limit", WorkLists.MAX_ITEMS);
        return "review/queue";
    }

    @GetMapping("/{id}/{language}")
    String review(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id, @PathVariable String language,
            Model model) {
        Actor actor = user.actor();
        Variant variant = products.readVariant(actor, id, language);
        List<VariantVersion> versions = products.versions(actor, id, language);
        Optional<ReviewHistory.Baseline> baseline = history.baseline(actor.username(), variant, versions);
        model.addAttribute("variant", variant);
        model.addAttribute("etag", Versions.etag(variant.seqNoPrimaryTerm()));
        model.addAttribute("files", products.files(variant));
        model.addAttribute("baseline", baseline.orElse(null));
        baseline.filter(b -> !"unchanged".equals(b.reason())).ifPresent(b -> model.addAttribute("changes", ContentDiff.between(
                products.version(actor, id, language, b.revision()).content(), variant.content())));
        model.addAttribute("actions", List.of(WorkflowAction.REVIEW, WorkflowAction.APPROVE, WorkflowAction.REJECT).stream()
                .filter(a -> access.allows(actor, variant, a)).toList());
        model.addAttribute("maxComment", ContentLimits.COMMENT);
        if (!variant.isSource()) {
            model.addAttribute("source", products.readVariant(actor, id, Variant.SOURCE_LANGUAGE));
        }
        history.markSeen(actor.username(), variant);
        return "review/review";
    }
}
