package vn.bhxh.cms.translation;

import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.bhxh.cms.security.AccountPrincipal;

/** A language's glossary: read by those who work on the language, kept by its reviewers. */
@RestController
@RequestMapping("/api/v1/glossary/{language}")
class GlossaryController {

    private final Glossary glossary;
    private final SegmentService segments;

    GlossaryController(Glossary glossary, SegmentService segments) {
        this.glossary = glossary;
        this.segments = segments;
    }

    record GlossaryView(String language, String languageName, List<GlossaryTerm> terms) {
    }

    record TermRequest(String term, String translation, String note) {
    }

    @GetMapping
    GlossaryView list(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String language) {
        return new GlossaryView(language, segments.languageName(language), glossary.terms(user.actor(), language));
    }

    @PutMapping("/terms")
    GlossaryTerm save(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String language,
            @RequestBody TermRequest request) {
        return glossary.save(user.actor(), language, request.term(), request.translation(), request.note());
    }

    @DeleteMapping("/terms")
    ResponseEntity<Void> delete(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String language,
            @RequestParam String term) {
        glossary.delete(user.actor(), language, term);
        return ResponseEntity.noContent().build();
    }
}
