package vn.bhxh.cms.translation;

import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.bhxh.cms.api.Versions;
import vn.bhxh.cms.security.AccountPrincipal;

/**
 * The translation workbench over the API: a translation's segments with their status, progress, outdated segments'
 * word diffs and glossary hits; saving segments; memory suggestions; a second speaker's review. Writes carry the
 * variant's ETag (If-Match). A translator or reviewer reaches only their languages.
 */
@RestController
@RequestMapping("/api/v1/products/{id}/variants/{language}/segments")
class SegmentController {

    private final SegmentService segments;
    SegmentController(SegmentService segments) {
        this.segments = segments;
    }

    /** Segments to save: each segment's id and its translation (empty: remove it), with an optional comment. */
    record SegmentEdits(List<SegmentService.Edit> segments, String comment) {
    }

    /** A second speaker's decision on one segment: ACCEPT, or COMMENT with a comment. */
    record ReviewRequest(SegmentService.Decision decision, String comment) {
    }

    record Suggestions(String segment, List<TranslationMemory.Match> memory, List<Glossary.Hit> glossary) {
    }

    @GetMapping
    ResponseEntity<Workbench> list(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id,
            @PathVariable String language) {
        return answer(segments.open(user.actor(), id, language));
    }

    @PutMapping
    ResponseEntity<Workbench> save(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id,
            @PathVariable String language, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @RequestBody SegmentEdits request) {
        return answer(segments.save(user.actor(), id, language, Versions.fromIfMatch(ifMatch), request.segments(),
                request.comment()));
    }

    @GetMapping("/{segment}/suggestions")
    Suggestions suggestions(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id,
            @PathVariable String language, @PathVariable String segment) {
        Workbench workbench = segments.open(user.actor(), id, language);
        Workbench.Segment found = workbench.segment(segment);
        if (found == null) {
            throw new vn.bhxh.cms.api.NotFoundException("segment", segment);
        }
        return new Suggestions(segment, segments.suggestions(user.actor(), id, language, segment), found.glossary());
    }

    @PostMapping("/{segment}/review")
    ResponseEntity<Workbench> review(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id,
            @PathVariable String language, @PathVariable String segment,
            @RequestHeader(value = "If-Match", required = false) String ifMatch, @RequestBody ReviewRequest request) {
        return answer(segments.review(user.actor(), id, language, Versions.fromIfMatch(ifMatch), segment, request.decision(),
                request.comment()));
    }

    private static ResponseEntity<Workbench> answer(Workbench workbench) {
        return ResponseEntity.ok().eTag(Versions.etag(workbench.version())).body(workbench);
    }
}
