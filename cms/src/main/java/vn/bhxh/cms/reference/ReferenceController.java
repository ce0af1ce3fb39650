package vn.bhxh.cms.reference;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.bhxh.cms.api.NotFoundException;
import vn.bhxh.cms.security.AccountPrincipal;

/** Topics, audience groups, campaigns, provinces, units and languages: readable by all users, changed by admins. */
@RestController
@RequestMapping("/api/v1/reference")
class ReferenceController {

    private final ReferenceData data;
    private final ReferenceService items;

    ReferenceController(ReferenceData data, ReferenceService items) {
        this.data = data;
        this.items = items;
    }

    @GetMapping("/{kind}")
    List<ReferenceItem> list(@PathVariable String kind) {
        return data.list(kind(kind));
    }

    @GetMapping("/{kind}/{code}")
    ResponseEntity<ReferenceItem> get(@PathVariable String kind, @PathVariable String code) {
        ReferenceService.VersionedItem found = items.get(kind(kind), code);
        return ResponseEntity.ok().eTag(found.etag()).body(found.item());
    }

    @PutMapping("/{kind}/{code}")
    ResponseEntity<ReferenceItem> put(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String kind,
            @PathVariable String code, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody ItemRequest request) {
        ReferenceKind referenceKind = kind(kind);
        ReferenceItem item = new ReferenceItem(ReferenceItem.id(referenceKind, code), referenceKind, code,
                request.nameVi(), request.nameEn(), request.parent(), request.startMonthDay(), request.endMonthDay(),
                request.descriptionVi(), request.script(), request.order() == null ? 0 : request.order());
        ReferenceService.VersionedItem saved = items.save(user.actor(), item, ifMatch);
        return ResponseEntity.ok().eTag(saved.etag()).body(saved.item());
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
