package vn.bhxh.cms.translation;

import static vn.bhxh.cms.security.Role.ADMIN;
import static vn.bhxh.cms.security.Role.APPROVER;
import static vn.bhxh.cms.security.Role.EDITOR;
import static vn.bhxh.cms.security.Role.REVIEWER;
import static vn.bhxh.cms.security.Role.TRANSLATOR;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import vn.bhxh.cms.api.BadRequestException;
import vn.bhxh.cms.api.ForbiddenException;
import vn.bhxh.cms.api.NotFoundException;
import vn.bhxh.cms.audit.AuditLog;
import vn.bhxh.cms.reference.ReferenceCodes;
import vn.bhxh.cms.reference.ReferenceKind;
import vn.bhxh.cms.reference.ReferenceLists;
import vn.bhxh.cms.security.Actor;

/**
 * Agreed translations of terms per language, kept by the language's reviewers; the workbench marks the terms in each
 * source segment and warns when a translation lacks the agreed one.
 */
@Service
public class Glossary {

    public static final int MAX_TERMS = 1_000;
    public static final int MAX_TERM = 200;
    public static final int MAX_TRANSLATION = 500;
    public static final int MAX_NOTE = 2_000;

    private final GlossaryStore store;
    private final ReferenceCodes codes;
    private final AuditLog audit;
    private final Clock clock;
    private final ReferenceLists reference;

    Glossary(GlossaryStore store, ReferenceCodes codes, AuditLog audit, Clock clock, ReferenceLists reference) {
        this.reference = reference;
        this.store = store;
        this.codes = codes;
        this.audit = audit;
        this.clock = clock;
    }

    /** A glossary term found in a source segment; {@code missing}: the translation does not use the agreed one. */
    public record Hit(String term, String translation, String note, boolean missing) {
    }

    public List<GlossaryTerm> terms(Actor actor, String language) {
        codes.require("language", ReferenceKind.LANGUAGES, language);
        if (!mayRead(actor, language)) {
            throw new ForbiddenException("forbidden-language", name(language));
        }
        return store.list(language, MAX_TERMS);
    }

    public GlossaryTerm save(Actor actor, String language, String term, String translation, String note) {
        codes.require("language", ReferenceKind.LANGUAGES, language);
        requireMaintainer(actor, language);
        requireText("term", term, MAX_TERM);
        requireText("translation", translation, MAX_TRANSLATION);
        if (note != null && note.length() > MAX_NOTE) {
            throw new BadRequestException("invalid-input", "note: ≤ " + MAX_NOTE);
        }
        GlossaryTerm saved = new GlossaryTerm(GlossaryTerm.id(language, term), language, term.strip(), translation.strip(),
                note == null || note.isBlank() ? null : note.strip(), actor.username(), clock.instant());
        store.save(saved);
        audit.record(actor.username(), vn.bhxh.cms.audit.AuditAction.GLOSSARY_SAVED, null, language, null, null, null,
                saved.term() + " = " + saved.translation());
        return saved;
    }

    public void delete(Actor actor, String language, String term) {
        codes.require("language", ReferenceKind.LANGUAGES, language);
        requireMaintainer(actor, language);
        if (!store.delete(GlossaryTerm.id(language, term))) {
            throw new NotFoundException("glossary", language + "/" + term);
        }
        audit.record(actor.username(), vn.bhxh.cms.audit.AuditAction.GLOSSARY_DELETED, null, language, null, null, null, term);
    }

    /** The terms a source segment contains, longest first, each with whether the translation uses its agreed form. */
    public static List<Hit> hits(List<GlossaryTerm> terms, String source, String target) {
        String plainSource = Placeholders.spaced(source);
        String plainTarget = target == null ? "" : Placeholders.spaced(target).toLowerCase(Locale.ROOT);
        boolean translated = !plainTarget.isBlank();
        List<Hit> hits = new ArrayList<>();
        for (GlossaryTerm term : terms) {
            if (contains(plainSource, term.term())) {
                boolean missing = translated && !plainTarget.contains(term.translation().toLowerCase(Locale.ROOT));
                hits.add(new Hit(term.term(), term.translation(), term.note(), missing));
            }
        }
        hits.sort(Comparator.comparingInt((Hit h) -> -h.term().length()));
        return hits;
    }

    static boolean contains(String text, String term) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(term) + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text).find();
    }

    private String name(String language) {
        return reference.names(ReferenceKind.LANGUAGES, LocaleContextHolder.getLocale()).getOrDefault(language, language);
    }

    private static boolean mayRead(Actor actor, String language) {
        return actor.hasAny(ADMIN, EDITOR, REVIEWER, APPROVER) || (actor.has(TRANSLATOR) && actor.scopes().languages().contains(language));
    }

    /** Whether the actor keeps the language's glossary: its reviewers and administrators. */
    public boolean maintains(Actor actor, String language) {
        return actor.has(ADMIN) || (actor.has(REVIEWER) && actor.scopes().languages().contains(language));
    }

    private void requireMaintainer(Actor actor, String language) {
        if (!maintains(actor, language)) {
            audit.refused(actor.username(), "forbidden-glossary", null, language, "glossary");
            throw new ForbiddenException("forbidden-glossary", name(language));
        }
    }

    private static void requireText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new BadRequestException("missing-field", field);
        }
        if (value.length() > max) {
            throw new BadRequestException("invalid-input", field + ": ≤ " + max);
        }
    }
}
