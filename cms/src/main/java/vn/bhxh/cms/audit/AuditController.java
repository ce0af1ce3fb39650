package vn.bhxh.cms.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The whole system's audit trail, filterable; administrators only (see the security chain). */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    static final int MAX_PAGE_SIZE = 200;

    private final AuditLog audit;
    private final AuditVerifier verifier;

    AuditController(AuditLog audit, AuditVerifier verifier) {
        this.audit = audit;
        this.verifier = verifier;
    }

    /** Walks the whole chain and names the first entry that was altered, removed or re-linked. */
    @GetMapping("/verification")
    AuditVerifier.Verification verify() {
        return verifier.verify();
    }

    @GetMapping
    List<AuditEvent> search(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String productId, @RequestParam(required = false) String language,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant until,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        return audit.search(new AuditLog.AuditFilter(actor, action, productId, language, from, until), page, size);
    }
}
