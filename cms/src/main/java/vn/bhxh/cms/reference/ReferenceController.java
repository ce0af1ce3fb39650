package vn.bhxh.cms.reference;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import org.springframework.data.elasticsearch.core.query.SeqNoPrimaryTerm;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.bhxh.cms.api.ForbiddenException;
import vn.bhxh.cms.api.NotFoundException;
import vn.bhxh.cms.audit.AuditAction;
import vn.bhxh.cms.api.PreconditionFailedException;
import vn.bhxh.cms.api.Versions;
import vn.bhxh.cms.elasticsearch.DocumentVersions;
import vn.bhxh.cms.elasticsearch.VersionConflicts;
import vn.bhxh.cms.audit.AuditLog;
import vn.bhxh.cms.security.AccountPrincipal;
import vn.bhxh.cms.security.Role;

/** Topics, audience groups, campaigns, provinces, units and languages: readable by all users, changed by admins. */
@RestController
@RequestMapping("/api/v1/reference")
class ReferenceController {

    private final ReferenceData data;
    private final DocumentVersions versions;
    private final AuditLog audit;

    ReferenceController(ReferenceData data, DocumentVersions versions, AuditLog audit) {
        this.data = data;
        this.versions = versions;
        this.audit = audit;
    }

    @GetMapping("/{kind}")
    List<ReferenceItem> list(@PathVariable String kind) {
        return data.list(kind(kind));
    }

    @GetMapping("/{kind}/{code}")
    ResponseEntity<ReferenceItem> get(@PathVariable String kind, @PathVariable String code) {
        String id = ReferenceItem.id(kind(kind), code);
        SeqNoPrimaryTerm version = versions.current(ReferenceItem.class, id).orElseThrow(() -> new NotFoundException(kind, code));
        ReferenceItem item = data.find(kind(kind), code).orElseThrow(() -> new NotFoundException(kind, code));
        return ResponseEntity.ok().eTag(Versions.etag(version)).body(item);
    }

    @PutMapping("/{kind}/{code}")
    ResponseEntity<ReferenceItem> put(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String kind,
            @PathVariable String code, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody ItemRequest request) {
        if (!user.actor().has(Role.ADMIN)) {
            throw new ForbiddenException("forbidden");
        }
        ReferenceKind referenceKind = kind(kind);
        String id = ReferenceItem.id(referenceKind, code);
        ReferenceItem item = new ReferenceItem(id, referenceKind, code,
                request.nameVi(), request.nameEn(), request.parent(), request.startMonthDay(), request.endMonthDay(),
                request.descriptionVi(), request.script(), request.order() == null ? 0 : request.order());
        // A new code is created without If-Match; changing an existing one must say which version it was made from.
        Optional<SeqNoPrimaryTerm> current = versions.current(ReferenceItem.class, id);
        SeqNoPrimaryTerm saved;
        try {
            if (current.isEmpty()) {
                saved = versions.write(id, item, null);
            } else {
                SeqNoPrimaryTerm expected = Versions.fromIfMatch(ifMatch);
                if (!expected.equals(current.get())) {
                    throw new PreconditionFailedException(Versions.etag(current.get()), null);
                }
                saved = versions.write(id, item, expected);
            }
        } catch (RuntimeException e) {
            if (VersionConflicts.is(e)) {
                throw new PreconditionFailedException(versions.current(ReferenceItem.class, id).map(Versions::etag).orElse(null), null);
            }
            throw e;
        }
        audit.record(user.getUsername(), AuditAction.REFERENCE_SAVED, null, null, null, null, null, id);
        return ResponseEntity.ok().eTag(Versions.etag(saved)).body(item);
    }

    private static ReferenceKind kind(String path) {
        try {
            return ReferenceKind.fromPath(path);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("reference-kind", path);
        }
    }

    record ItemRequest(
            @NotBlank @Size(max = 300) String nameVi,
            @Size(max = 300) String nameEn,
            @Size(max = 20) String parent,
            @Pattern(regexp = "\\d{2}-\\d{2}") String startMonthDay,
            @Pattern(regexp = "\\d{2}-\\d{2}") String endMonthDay,
            @Size(max = 2000) String descriptionVi,
            @Size(max = 10) String script,
            Integer order) {
    }
}
