package vn.bhxh.cms.dashboard;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.bhxh.cms.distribution.JobRows;
import vn.bhxh.cms.product.WorkLists;
import vn.bhxh.cms.security.AccountPrincipal;
import vn.bhxh.cms.security.Actor;
import vn.bhxh.cms.security.Role;
import vn.bhxh.cms.site.PageController;

/** The sign-in page and the dashboard: each user sees the work lists of their roles. */
@PageController
class HomeController {

    private final WorkLists lists;
    private final JobRows jobs;

    HomeController(WorkLists lists, JobRows jobs) {
        this.lists = lists;
        this.jobs = jobs;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String dashboard(@AuthenticationPrincipal AccountPrincipal user, Model model) {
        Actor actor = user.actor();
        if (actor.hasAny(Role.EDITOR, Role.ADMIN, Role.PROVINCIAL_STAFF, Role.TRANSLATOR)) {
            model.addAttribute("drafts", lists.myDrafts(actor));
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
