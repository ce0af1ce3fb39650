package vn.bhxh.templates.template;

import java.time.Instant;
import java.util.Optional;

/**
 * One saved version of an override. Versions of a key are numbered 1, 2, 3 … and never change; removing an
 * override is itself a version (with no source), so the history shows who went back to the default and when.
 *
 * @param source the template text, or empty when this version removed the override
 */
public record TemplateVersion(TemplateKey key, int version, Optional<String> source, String savedBy, Instant savedAt) {

    public boolean removesOverride() {
        return source.isEmpty();
    }
}
