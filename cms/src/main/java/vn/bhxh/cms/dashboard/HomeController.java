package vn.bhxh.cms.dashboard;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.bhxh.cms.distribution.JobRows;
import java.util.List;
import java.util.Map;
import vn.bhxh.cms.product.HistoryEntry;
import vn.bhxh.cms.product.Variant;
import vn.bhxh.cms.product.WorkLists;
import vn.bhxh.cms.product.WorkflowHistory;
import vn.bhxh.cms.security.AccountPrincipal;
import vn.bhxh.cms.security.Actor;
import vn.bhxh.cms.security.Role;
import vn.bhxh.cms.site.PageController;

/** The sign-in page and the dashboard: each user sees the work lists of their roles. */
@PageController
class HomeController {

    private final WorkLists lists;
    private final JobRows jobs;
    private final WorkflowHistory history;

    HomeController(WorkLists lists, JobRows jobs, WorkflowHistory history) {
        this.lists = lists;
        this.jobs = jobs;
        this.history = history;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String dashboard(@AuthenticationPrincipal AccountPrincipal user, Model model) {
        Actor actor = user.actor();
        if (actor.hasAny(Role.EDITOR, Role.ADMIN, Role.PROVINCIAL_STAFF, Role.TRANSLATOR)) {
            List<Variant> drafts = lists.myDrafts(actor);
            model.addAttribute("drafts", drafts);
            // Drafts sent back to their author come first, with the reason, so nobody has to open each to learn why.
            Map<String, HistoryEntry> rejections = history.rejections(drafts);
            model.addAttribute("rejections", rejections);
            model.addAttribute("rejected", drafts.stream().filter(v -> rejections.containsKey(v.id())).toList());
        }
        if (actor.hasAny(Role.REVIEWER, Role.TRANSLATOR)) {
            model.addAttribute("toReview", lists.awaitingReview(actor));
        }
        if (actor.has(Role.APPROVER)) {
            model.addAttribute("toApprove", lists.awaitingApproval(actor));
        }
        if (actor.has(Role.TRANSLATOR)) {
            model.addAttribute("toTranslate", lists.toTranslate(actor));
        }
        model.addAttribute("editor", actor.hasAny(Role.EDITOR, Role.ADMIN));
        if (actor.hasAny(Role.SCHEDULING)) {
            model.addAttribute("goingOut", jobs.goingOutThisWeek(actor));
            model.addAttribute("failed", jobs.failed(actor));
        }
        model.addAttribute("limit", WorkLists.MAX_ITEMS);
        return "dashboard";
    }
}
