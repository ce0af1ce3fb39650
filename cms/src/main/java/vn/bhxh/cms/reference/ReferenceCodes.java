package vn.bhxh.cms.reference;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import vn.bhxh.cms.api.ApiException;

/**
 * Every code a client sends (topic, audience group, campaign, province, unit, language) must be one of the reference
 * data: an unknown one is refused with 400 naming the field and the value, never stored to match nothing later.
 */
@Component
public class ReferenceCodes {

    private final ReferenceData data;
    /** The codes of every kind as read once (see {@link #readOnce}); null: read them at every check. */
    private final Map<ReferenceKind, Set<String>> known;

    @Autowired
    public ReferenceCodes(ReferenceData data) {
        this(data, null);
    }

    private ReferenceCodes(ReferenceData data, Map<ReferenceKind, Set<String>> known) {
        this.data = data;
        this.known = known;
    }

    /**
     * The same checks against the codes as they are now, read once: for checking many items in a row (bulk loading)
     * with one search per kind instead of one per check. A code added later is not seen by it.
     */
    public ReferenceCodes readOnce() {
        Map<ReferenceKind, Set<String>> now = new EnumMap<>(ReferenceKind.class);
        for (ReferenceKind kind : ReferenceKind.values()) {
            now.put(kind, codes(kind));
        }
        return new ReferenceCodes(data, now);
    }

    /** Refuses {@code code} unless it is a code of {@code kind}; null or blank means "not given" and passes. */
    public void require(String field, ReferenceKind kind, String code) {
        if (code != null && !code.isBlank()) {
            requireAll(field, kind, List.of(code));
        }
    }

    /** Refuses the first of {@code codes} that is not a code of {@code kind}. */
    public void requireAll(String field, ReferenceKind kind, Collection<String> codes) {
        if (codes == null || codes.isEmpty()) {
            return;
        }
        Set<String> kindCodes = known == null ? codes(kind) : known.get(kind);
        for (String code : codes) {
            if (!kindCodes.contains(code)) {
                throw new UnknownCodeException(field, kind, code);
            }
        }
    }

    private Set<String> codes(ReferenceKind kind) {
        return data.list(kind).stream().map(ReferenceItem::code).collect(Collectors.toSet());
    }

    /** 400: the detail names the field, the value and the list it is not in (in the caller's language). */
    public static class UnknownCodeException extends ApiException {

        UnknownCodeException(String field, ReferenceKind kind, String code) {
            super(HttpStatus.BAD_REQUEST, "unknown-code", Map.of("errors", List.of(Map.of("field", field, "value", String.valueOf(code)))),
                    field, code, new DefaultMessageSourceResolvable("reference.kind." + kind.name()));
        }
    }
}
