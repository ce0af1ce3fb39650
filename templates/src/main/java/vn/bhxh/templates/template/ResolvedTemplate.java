package vn.bhxh.templates.template;

/**
 * The template that will be used for a requested key, and where it came from, so a preview can say
 * "Vietnamese default used for Khmer" or "override version 3".
 *
 * @param requested       what was asked for (slot and the variant's language)
 * @param resolved        the key whose template was found (its language may be a fallback)
 * @param overrideVersion the override version used, or 0 for the shipped default
 */
public record ResolvedTemplate(TemplateKey requested, TemplateKey resolved, String source, int overrideVersion) {

    public boolean isOverride() {
        return overrideVersion > 0;
    }

    public boolean isLanguageFallback() {
        return !requested.languageTag().equals(resolved.languageTag());
    }
}
