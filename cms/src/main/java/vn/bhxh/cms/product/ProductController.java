package vn.bhxh.cms.product;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.bhxh.cms.api.Versions;
import vn.bhxh.cms.asset.AssetRef;
import vn.bhxh.cms.asset.FileUpload;
import vn.bhxh.cms.audit.AuditEvent;
import vn.bhxh.cms.audit.AuditLog;
import vn.bhxh.cms.product.ProductService.AttachedFile;
import vn.bhxh.cms.security.AccountPrincipal;
import vn.bhxh.cms.workflow.WorkflowAction;
import vn.bhxh.cms.workflow.WorkflowState;
import vn.bhxh.media.MediaRefusal;

/** Products and their language variants. Every write carries If-Match with the ETag it was made from. */
@RestController
@RequestMapping("/api/v1/products")
class ProductController {

    static final int MAX_TITLE = ContentLimits.TITLE;
    static final int MAX_SUMMARY = ContentLimits.SUMMARY;
    static final int MAX_BODY = ContentLimits.BODY;
    static final int MAX_COMMENT = ContentLimits.COMMENT;
    static final String LANGUAGE_TAG = ContentLimits.LANGUAGE_TAG;

    private final ProductService products;
    private final AuditLog audit;
    private final WorkflowHistory history;

    ProductController(ProductService products, AuditLog audit, WorkflowHistory history) {
        this.products = products;
        this.audit = audit;
        this.history = history;
    }

    /** The product's own audit trail, for whoever may read the product. */
    @GetMapping("/{id}/audit")
    List<AuditEvent> audit(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "100")
            @Min(1) @Max(200) int size) {
        products.readVariants(user.actor(), id);
        return audit.search(new AuditLog.AuditFilter(null, null, id, null, null, null), page, size);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<VariantView> create(@AuthenticationPrincipal AccountPrincipal user, @Valid @RequestBody NewProduct request) {
        Variant source = products.createProduct(user.actor(), request.info().toInfo(), request.content().toContent());
        return ResponseEntity.created(URI.create("/api/v1/products/" + source.productId() + "/variants/vi"))
                .eTag(Versions.etag(source.seqNoPrimaryTerm())).body(VariantView.of(source));
    }

    @GetMapping("/{id}")
    ResponseEntity<ProductView> get(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id) {
        ProductService.ProductDetails details = products.readProduct(user.actor(), id);
        return ResponseEntity.ok().eTag(Versions.etag(details.product().seqNoPrimaryTerm()))
                .body(ProductView.of(details.product(), details.variants()));
    }

    @PutMapping("/{id}")
    ResponseEntity<Product> updateInfo(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id,
            @RequestHeader(value = "If-Match", required = false) String ifMatch, @Valid @RequestBody InfoRequest request) {
        Product saved = products.updateInfo(user.actor(), id, Versions.fromIfMatch(ifMatch), request.toInfo());
        return ResponseEntity.ok().eTag(Versions.etag(saved.seqNoPrimaryTerm())).body(saved);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/{id}/variants")
    ResponseEntity<VariantView> requestTranslation(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id,
            @Valid @RequestBody TranslationRequest request) {
        Variant requested = products.requestTranslation(user.actor(), id, request.language());
        return ResponseEntity.created(URI.create("/api/v1/products/" + id + "/variants/" + requested.language()))
                .eTag(Versions.etag(requested.seqNoPrimaryTerm())).body(VariantView.of(requested));
    }

    @GetMapping("/{id}/variants/{language}")
    ResponseEntity<VariantView> variant(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id,
            @PathVariable String language) {
        Variant variant = products.readVariant(user.actor(), id, language);
        return ResponseEntity.ok().eTag(Versions.etag(variant.seqNoPrimaryTerm())).body(VariantView.of(variant));
    }

    @PutMapping("/{id}/variants/{language}")
    ResponseEntity<VariantView> edit(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id,
            @PathVariable String language, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody ContentRequest request) {
        Variant saved = products.editContent(user.actor(), id, language, Versions.fromIfMatch(ifMatch), request.toContent(),
                request.comment());
        return ResponseEntity.ok().eTag(Versions.etag(saved.seqNoPrimaryTerm())).body(VariantView.of(saved));
    }

    /**
     * Uploads a file (the request body, its name in {@code fileName}) and attaches it to the variant with its
     * {@code role}: the same step as the editor's page, so the same limits and rights apply.
     */
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/{id}/variants/{language}/files")
    ResponseEntity<VariantView> attachFile(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id,
            @PathVariable String language, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid FileUpload.Description file, @RequestParam String role,
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType, HttpServletRequest request)
            throws IOException, MediaRefusal, InterruptedException {
        AttachedFile attached = products.attachFile(user.actor(), id, language, Versions.fromIfMatch(ifMatch), role,
                FileUpload.of(file, contentType, request));
        return ResponseEntity.created(URI.create("/api/v1/assets/" + attached.asset().id()))
                .eTag(Versions.etag(attached.variant().seqNoPrimaryTerm())).body(VariantView.of(attached.variant()));
    }

    @PostMapping("/{id}/variants/{language}/transitions")
    ResponseEntity<VariantView> transition(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id,
            @PathVariable String language, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody TransitionRequest request) {
        Variant saved = products.transition(user.actor(), id, language, Versions.fromIfMatch(ifMatch), request.action(),
                request.comment());
        return ResponseEntity.ok().eTag(Versions.etag(saved.seqNoPrimaryTerm())).body(VariantView.of(saved));
    }

    @PostMapping("/{id}/variants/{language}/confirm-source")
    ResponseEntity<VariantView> confirmSource(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id,
            @PathVariable String language, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody(required = false) CommentRequest request) {
        Variant saved = products.confirmSource(user.actor(), id, language, Versions.fromIfMatch(ifMatch),
                request == null ? null : request.comment());
        return ResponseEntity.ok().eTag(Versions.etag(saved.seqNoPrimaryTerm())).body(VariantView.of(saved));
    }

    /** Who submitted, reviewed, approved, rejected… this variant, when and with which comment (newest first). */
    @GetMapping("/{id}/variants/{language}/history")
    List<HistoryEntry> history(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id,
            @PathVariable String language) {
        return history.of(user.actor(), id, language);
    }

    @GetMapping("/{id}/variants/{language}/source-changes")
    List<ContentDiff.FieldChange> sourceChanges(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id,
            @PathVariable String language) {
        return products.sourceChangesSince(user.actor(), id, language);
    }

    @GetMapping("/{id}/variants/{language}/versions")
    List<VersionSummary> versions(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id,
            @PathVariable String language) {
        return products.versions(user.actor(), id, language).stream().map(VersionSummary::of).toList();
    }

    @GetMapping("/{id}/variants/{language}/versions/{revision}")
    VariantVersion version(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id,
            @PathVariable String language, @PathVariable int revision) {
        return products.version(user.actor(), id, language, revision);
    }

    @GetMapping("/{id}/variants/{language}/diff")
    List<ContentDiff.FieldChange> diff(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id,
            @PathVariable String language, @RequestParam int from,
            @RequestParam int to) {
        return ContentDiff.between(products.version(user.actor(), id, language, from).content(),
                products.version(user.actor(), id, language, to).content());
    }

    @PostMapping("/{id}/variants/{language}/versions/{revision}/restore")
    ResponseEntity<VariantView> restore(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id,
            @PathVariable String language, @PathVariable int revision,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        Variant saved = products.restore(user.actor(), id, language, revision, Versions.fromIfMatch(ifMatch));
        return ResponseEntity.ok().eTag(Versions.etag(saved.seqNoPrimaryTerm())).body(VariantView.of(saved));
    }

    record InfoRequest(
            @NotNull ProductType type,
            Set<@Size(max = 60) String> topics,
            Set<@Size(max = 20) String> audiences,
            @Size(max = 60) String campaign,
            Scope scope,
            @Size(max = 20) String province,
            @Size(max = 60) String ownerUnit,
            @Size(max = 30) Set<@Size(max = 60) String> tags,
            LocalDate effectiveFrom,
            LocalDate effectiveUntil) {

        ProductInfo toInfo() {
            return new ProductInfo(type, topics, audiences, campaign, scope, province, ownerUnit, tags, effectiveFrom,
                    effectiveUntil);
        }
    }

    record ContentRequest(
            @NotBlank @Size(max = MAX_TITLE) String title,
            @Size(max = MAX_SUMMARY) String summary,
            @Size(max = MAX_BODY) String body,
            @Size(max = 50) List<@Valid AssetRef> assets,
            @Size(max = MAX_COMMENT) String comment) {

        VariantContent toContent() {
            return new VariantContent(title, summary, body, assets);
        }
    }

    record NewProduct(@NotNull @Valid InfoRequest info, @NotNull @Valid ContentRequest content) {
    }

    record TranslationRequest(@NotBlank @Pattern(regexp = LANGUAGE_TAG) String language) {
    }

    record TransitionRequest(@NotNull WorkflowAction action, @Size(max = MAX_COMMENT) String comment) {
    }

    record CommentRequest(@Size(max = MAX_COMMENT) String comment) {
    }

    record VersionSummary(int revision, String savedBy, Instant savedAt, String comment, Integer sourceRevision) {
        static VersionSummary of(VariantVersion version) {
            return new VersionSummary(version.revision(), version.savedBy(), version.savedAt(), version.comment(),
                    version.sourceRevision());
        }
    }

    record VariantView(String productId, String language, WorkflowState state, int revision, Integer sourceRevision,
            boolean outdated, String title, String summary, String body, List<AssetRef> assets, Set<String> editors,
            String reviewedBy, String approvedBy, ProductInfo product, Instant updatedAt, String etag) {

        static VariantView of(Variant v) {
            return new VariantView(v.productId(), v.language(), v.state(), v.revision(), v.sourceRevision(), v.outdated(),
                    v.content().title(), v.content().summary(), v.content().body(), v.content().assets(), v.editors(),
                    v.reviewedBy(), v.approvedBy(), v.product(), v.updatedAt(), Versions.etag(v.seqNoPrimaryTerm()));
        }
    }

    record ProductView(String id, ProductInfo info, String createdBy, Instant createdAt, String etag, List<VariantView> variants) {
        static ProductView of(Product product, List<Variant> variants) {
            return new ProductView(product.id(), product.info(), product.createdBy(), product.createdAt(),
                    Versions.etag(product.seqNoPrimaryTerm()), variants.stream().map(VariantView::of).toList());
        }
    }
}
