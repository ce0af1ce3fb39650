package vn.bhxh.cms.preview;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.bhxh.cms.api.NotFoundException;
import vn.bhxh.cms.api.PreconditionFailedException;
import vn.bhxh.cms.security.AccountPrincipal;
import vn.bhxh.templates.channel.TemplateSlot;
import vn.bhxh.templates.render.ProductRenderer;
import vn.bhxh.templates.template.ConcurrentTemplateChangeException;
import vn.bhxh.templates.template.ResolvedTemplate;
import vn.bhxh.templates.template.TemplateField;
import vn.bhxh.templates.template.TemplateKey;
import vn.bhxh.templates.template.TemplateVersion;

/**
 * Administrators override the shipped templates per channel slot and language; overrides are versioned and a
 * template naming an unknown field is refused when saved (422). Every change names the version it was made from in
 * If-Match (the ETag of the GET): 428 without it, 412 when someone changed the template since. Path: {@code /api/v1/templates/{lang}/{channel}/{slot}}.
 */
@RestController
@RequestMapping("/api/v1/templates")
class TemplateAdminController {

    static final int MAX_TEMPLATE = 20_000;

    private final ProductRenderer renderer;

    TemplateAdminController(ProductRenderer renderer) {
        this.renderer = renderer;
    }

    /** The slots an administrator can override and the fields a template may name. */
    @GetMapping
    Map<String, Object> catalogue() {
        return Map.of(
                "slots", Arrays.stream(TemplateSlot.values()).map(TemplateSlot::path).toList(),
                "fields", Arrays.stream(TemplateField.values()).map(Enum::name).toList());
    }

    /** The template as it applies now, its override history, and the ETag a change must name in If-Match. */
    @GetMapping("/{language}/{channel}/{slot}")
    ResponseEntity<Map<String, Object>> get(@PathVariable String language, @PathVariable String channel,
            @PathVariable String slot) {
        TemplateKey key = key(language, channel, slot);
        ResolvedTemplate resolved = renderer.templates().resolve(key.slot(), key.languageTag());
        return ResponseEntity.ok().eTag(TemplateEtags.of(TemplateEtags.latest(renderer.templates(), key)))
                .body(Map.of("resolved", resolved, "history", renderer.templates().history(key)));
    }

    @PutMapping("/{language}/{channel}/{slot}")
    TemplateVersion save(@AuthenticationPrincipal AccountPrincipal admin, @PathVariable String language,
            @PathVariable String channel, @PathVariable String slot, @Valid @RequestBody SaveRequest request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        TemplateKey key = key(language, channel, slot);
        return current(key, ifMatch, expected -> renderer.templates().saveOverride(key, expected, request.source(),
                admin.getUsername()));
    }

    @DeleteMapping("/{language}/{channel}/{slot}")
    TemplateVersion removeOverride(@AuthenticationPrincipal AccountPrincipal admin, @PathVariable String language,
            @PathVariable String channel, @PathVariable String slot,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        TemplateKey key = key(language, channel, slot);
        return current(key, ifMatch, expected -> renderer.templates().removeOverride(key, expected, admin.getUsername()));
    }

    @PostMapping("/{language}/{channel}/{slot}/versions/{version}/restore")
    TemplateVersion restore(@AuthenticationPrincipal AccountPrincipal admin, @PathVariable String language,
            @PathVariable String channel, @PathVariable String slot, @PathVariable int version,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        TemplateKey key = key(language, channel, slot);
        return current(key, ifMatch, expected -> renderer.templates().restore(key, version, expected, admin.getUsername()));
    }

    /** A change made from the version If-Match names (428 without it); 412 with the current ETag when it is stale. */
    private TemplateVersion current(TemplateKey key, String ifMatch, IntFunction<TemplateVersion> change) {
        int expected = TemplateEtags.fromIfMatch(ifMatch);
        try {
            return change.apply(expected);
        } catch (ConcurrentTemplateChangeException e) {
            throw new PreconditionFailedException(TemplateEtags.of(TemplateEtags.latest(renderer.templates(), key)), null);
        }
    }

    private static TemplateKey key(String language, String channel, String slot) {
        try {
            return new TemplateKey(TemplateSlot.fromPath(channel + "/" + slot), language);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("template", language + "/" + channel + "/" + slot);
        }
    }

    record SaveRequest(@NotNull @Size(min = 1, max = MAX_TEMPLATE) String source) {
    }

}
