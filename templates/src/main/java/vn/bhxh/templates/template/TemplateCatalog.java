package vn.bhxh.templates.template;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import vn.bhxh.templates.channel.TemplateSlot;

/**
 * Finds the template for a slot and language, and is the one way to change overrides (so every saved
 * override has been validated). Lookup walks the language fallback chain — "blt-Tavt", then "blt", then
 * Vietnamese, the source language — and at each step prefers an override to the shipped default: a
 * Khmer default beats a Vietnamese override, because the more specific language is the better text.
 */
public final class TemplateCatalog {

    public static final String SOURCE_LANGUAGE = "vi";

    private final TemplateRepository overrides;
    private final DefaultTemplates defaults;
    private final TemplateValidator validator;
    private final Clock clock;

    public TemplateCatalog(TemplateRepository overrides, DefaultTemplates defaults, TemplateValidator validator, Clock clock) {
        this.overrides = overrides;
        this.defaults = defaults;
        this.validator = validator;
        this.clock = clock;
    }

    public ResolvedTemplate resolve(TemplateSlot slot, String languageTag) {
        TemplateKey requested = new TemplateKey(slot, languageTag);
        for (String language : fallbackChain(requested.languageTag())) {
            TemplateKey candidate = new TemplateKey(slot, language);
            Optional<TemplateVersion> override = overrides.latest(candidate).filter(v -> !v.removesOverride());
            if (override.isPresent()) {
                return new ResolvedTemplate(requested, candidate, override.get().source().orElseThrow(), override.get().version());
            }
            Optional<String> shipped = defaults.find(candidate);
            if (shipped.isPresent()) {
                return new ResolvedTemplate(requested, candidate, shipped.get(), 0);
            }
        }
        throw new IllegalStateException("No default template for " + slot.path() + " in " + SOURCE_LANGUAGE);
    }

    /** Validates, then stores the next version. */
    public TemplateVersion saveOverride(TemplateKey key, int expectedLatestVersion, String source, String savedBy) {
        List<TemplateProblem> problems = validator.problems(source, key.slot());
        if (!problems.isEmpty()) {
            throw new InvalidTemplateException(key, problems);
        }
        return overrides.append(key, expectedLatestVersion, Optional.of(source), savedBy, clock.instant());
    }

    /** Goes back to the default (or a fallback language); recorded as a version of its own. */
    public TemplateVersion removeOverride(TemplateKey key, int expectedLatestVersion, String savedBy) {
        return overrides.append(key, expectedLatestVersion, Optional.empty(), savedBy, clock.instant());
    }

    /** Saves an earlier version's text again as the newest version (validated again: fields may have changed). */
    public TemplateVersion restore(TemplateKey key, int version, int expectedLatestVersion, String savedBy) {
        TemplateVersion old = overrides.history(key).stream().filter(v -> v.version() == version).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Không có phiên bản " + version + " của mẫu " + key.id() + " / no such version"));
        return old.source().map(source -> saveOverride(key, expectedLatestVersion, source, savedBy))
                .orElseGet(() -> removeOverride(key, expectedLatestVersion, savedBy));
    }

    public List<TemplateVersion> history(TemplateKey key) {
        return overrides.history(key);
    }

    /** Checks a template without saving it (for the editor's "check" button). */
    public List<TemplateProblem> check(TemplateSlot slot, String source) {
        return validator.problems(source, slot);
    }

    public Optional<String> shippedDefault(TemplateKey key) {
        return defaults.find(key);
    }

    static List<String> fallbackChain(String languageTag) {
        List<String> chain = new ArrayList<>();
        chain.add(languageTag);
        String language = Locale.forLanguageTag(languageTag).getLanguage();
        if (!language.isEmpty() && !chain.contains(language)) {
            chain.add(language);
        }
        if (!chain.contains(SOURCE_LANGUAGE)) {
            chain.add(SOURCE_LANGUAGE);
        }
        return chain;
    }
}
