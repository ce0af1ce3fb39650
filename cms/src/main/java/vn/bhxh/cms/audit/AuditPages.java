package vn.bhxh.cms.audit;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.bhxh.cms.site.PageController;

/**
 * The administrators' page of the audit chain's verification (the security chain admits only ADMIN under /admin): whether
 * every entry is intact, and if not, which entry is the first to break the chain and how.
 */
@PageController
class AuditPages {

    private final AuditVerifier verifier;

    AuditPages(AuditVerifier verifier) {
        this.verifier = verifier;
    }

    @GetMapping("/admin/audit")
    String verification(Model model) {
        model.addAttribute("verification", verifier.verify());
        return "admin/audit";
    }
}
