package vn.bhxh.cms.reference;

import java.util.Locale;
import java.util.Optional;
import org.springframework.data.elasticsearch.core.query.SeqNoPrimaryTerm;
import org.springframework.stereotype.Service;
import vn.bhxh.cms.api.ForbiddenException;
import vn.bhxh.cms.api.NotFoundException;
import vn.bhxh.cms.api.PreconditionFailedException;
import vn.bhxh.cms.api.Versions;
import vn.bhxh.cms.audit.AuditAction;
import vn.bhxh.cms.audit.AuditLog;
import vn.bhxh.cms.elasticsearch.DocumentVersions;
import vn.bhxh.cms.elasticsearch.VersionConflicts;
import vn.bhxh.cms.security.Actor;
import vn.bhxh.cms.security.Role;

/** Reading one reference item with its version, and changing it: administrators only, from the version they read. */
@Service
class ReferenceService {

    private final ReferenceData data;
    private final DocumentVersions versions;
    private final AuditLog audit;

    ReferenceService(ReferenceData data, DocumentVersions versions, AuditLog audit) {
        this.data = data;
        this.versions = versions;
        this.audit = audit;
    }

    /** An item as stored, with the ETag of that version. */
    record VersionedItem(ReferenceItem item, String etag) {
    }

    VersionedItem get(ReferenceKind kind, String code) {
        String id = ReferenceItem.id(kind, code);
        SeqNoPrimaryTerm version = versions.current(ReferenceItem.class, id)
                .orElseThrow(() -> new NotFoundException(path(kind), code));
        ReferenceItem item = data.find(kind, code).orElseThrow(() -> new NotFoundException(path(kind), code));
        return new VersionedItem(item, Versions.etag(version));
    }

    /** The kind as the API path names it ("topics", "audience-groups"). */
    private static String path(ReferenceKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A new code is created without If-Match; changing an existing one must say which version it was made from. */
    VersionedItem save(Actor actor, ReferenceItem item, String ifMatch) {
        if (!actor.has(Role.ADMIN)) {
            throw new ForbiddenException("forbidden");
        }
        String id = item.id();
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
        audit.record(actor.username(), AuditAction.REFERENCE_SAVED, null, null, null, null, null, id);
        return new VersionedItem(item, Versions.etag(saved));
    }
}
