package vn.bhxh.cms.product;

import java.util.function.Supplier;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.elasticsearch.core.query.SeqNoPrimaryTerm;
import org.springframework.stereotype.Service;
import vn.bhxh.cms.api.BadRequestException;
import vn.bhxh.cms.api.ConflictException;
import vn.bhxh.cms.api.ForbiddenException;
import vn.bhxh.cms.api.NotFoundException;
import vn.bhxh.cms.api.PreconditionFailedException;
import vn.bhxh.cms.api.Versions;
import vn.bhxh.cms.asset.Asset;
import vn.bhxh.cms.asset.AssetRef;
import vn.bhxh.cms.asset.AssetService;
import vn.bhxh.cms.asset.FileUpload;
import vn.bhxh.cms.audit.AuditAction;
import vn.bhxh.cms.audit.AuditLog;
import vn.bhxh.cms.elasticsearch.VersionConflicts;
import vn.bhxh.cms.reference.ReferenceCodes;
import vn.bhxh.cms.reference.ReferenceKind;
import vn.bhxh.cms.security.Actor;
import vn.bhxh.cms.workflow.WorkflowAction;
import vn.bhxh.cms.workflow.WorkflowState;
import vn.bhxh.media.MediaRefusal;
import vn.bhxh.media.derive.ThumbnailSize;

/** Everything that changes a product or a variant: checked, versioned, audited. */
@Service
public class ProductService {

    private static final Logger LOG = LoggerFactory.getLogger(ProductService.class);

    private final ProductStore store;
    private final ProductAccess access;
    private final AuditLog audit;
    private final AssetService files;
    private final PublicationHooks publication;
    private final ReferenceCodes codes;
    private final WorkflowSteps steps;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public ProductService(ProductStore store, ProductAccess access, AuditLog audit, AssetService files,
            PublicationHooks publication, ReferenceCodes codes, WorkflowSteps steps, Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.store = store;
        this.steps = steps;
        this.access = access;
        this.audit = audit;
        this.files = files;
        this.publication = publication;
        this.codes = codes;
        this.clock = clock;
    }

    /** Many new products taken through their first steps in memory and written together (demo data). */
    public ProductBatch batch() {
        return new ProductBatch(this, store, access, audit, codes.readOnce(), clock);
    }

    public Variant createProduct(Actor actor, ProductInfo info, VariantContent vietnamese) {
        requireKnownCodes(info);
        audited(actor, null, Variant.SOURCE_LANGUAGE, "create", () -> access.requireCreate(actor, info));
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        VariantContent content = sanitized(vietnamese);
        files.markUsedBy(id, content.assets());
        store.create(id, new Product(id, info, actor.username(), now, now, null), Product.class);
        Variant source = new Variant(Variant.id(id, Variant.SOURCE_LANGUAGE), id, Variant.SOURCE_LANGUAGE, content,
                WorkflowState.DRAFT, 1, null, false, Set.of(actor.username()), null, null, info, searchText(content), now, now, null);
        store.create(source.id(), source, Variant.class);
        store.saveVersion(version(source, actor, now, null));
        audit.record(actor.username(), AuditAction.PRODUCT_CREATED, id, Variant.SOURCE_LANGUAGE, null, WorkflowState.DRAFT.name(), null,
                info.type() + ": " + content.title());
        return readVariant(actor, id, Variant.SOURCE_LANGUAGE);
    }

    public Product updateInfo(Actor actor, String productId, SeqNoPrimaryTerm expected, ProductInfo info) {
        Product current = store.product(productId).orElseThrow(() -> new NotFoundException("product", productId));
        readVariant(actor, productId, Variant.SOURCE_LANGUAGE);
        requireKnownCodes(info);
        audited(actor, productId, null, "edit-info", () -> access.requireEditInfo(actor, current.info(), info));
        Instant now = clock.instant();
        Product saved;
        try {
            saved = store.save(new Product(productId, info, current.createdBy(), current.createdAt(), now, expected));
        } catch (RuntimeException e) {
            throw staleOr(e, () -> store.product(productId).orElseThrow());
        }
        for (Variant variant : store.variants(productId)) {
            copyInfo(variant, info);
        }
        audit.record(actor.username(), AuditAction.PRODUCT_UPDATED, productId, null, null, null, null, info.toString());
        return saved;
    }

    /**
     * The Vietnamese titles of products whose variants the caller was already given by a list that checked access
     * (a translation names its source, which its translator reads anyway); by product id.
     */
    public Map<String, String> sourceTitles(Collection<String> productIds) {
        return store.sourceTitles(productIds);
    }

    public Variant readVariant(Actor actor, String productId, String language) {
        Variant variant = store.variant(productId, language).orElseThrow(() -> new NotFoundException("variant", productId + "/" + language));
        if (!access.canRead(actor, variant)) {
            // Not 403: the caller should not learn that the draft exists.
            throw new NotFoundException("variant", productId + "/" + language);
        }
        return variant;
    }

    /** The product's own fields with the variants the caller may read (at least one, or the product is not found). */
    public ProductDetails readProduct(Actor actor, String productId) {
        List<Variant> variants = readVariants(actor, productId);
        Product product = store.product(productId).orElseThrow(() -> new NotFoundException("product", productId));
        return new ProductDetails(product, variants);
    }

    public record ProductDetails(Product product, List<Variant> variants) {
    }

    public List<Variant> readVariants(Actor actor, String productId) {
        List<Variant> visible = store.variants(productId).stream().filter(v -> access.canRead(actor, v)).toList();
        if (visible.isEmpty()) {
            throw new NotFoundException("product", productId);
        }
        return visible;
    }

    public Variant editContent(Actor actor, String productId, String language, SeqNoPrimaryTerm expected,
            VariantContent newContent, String comment) {
        return editTranslation(actor, productId, language, expected, newContent, comment, true);
    }

    /**
     * Saves a variant's content like {@link #editContent}; for a translation saved segment by segment, {@code upToDate}
     * false keeps it outdated (and made from the source revision it was made from) while some of its segments still
     * translate an earlier source.
     */
    public Variant editTranslation(Actor actor, String productId, String language, SeqNoPrimaryTerm expected,
            VariantContent newContent, String comment, boolean upToDate) {
        Variant current = readVariant(actor, productId, language);
        requireVersion(current, expected);
        audited(actor, productId, language, "edit", () -> access.requireEditContent(actor, current));
        if (!current.state().allowsEditing()) {
            throw new ConflictException("not-editable", current.state().name());
        }
        VariantContent content = sanitized(newContent);
        if (mayBeScheduled(current)) {
            publication.hold(current, "Nội dung đã sửa sau khi duyệt (phiên bản " + current.revision() + ") / edited after approval");
        }
        files.markUsedBy(productId, content.assets());
        Instant now = clock.instant();
        Variant changed = current.withContent(content, actor.username(), WorkflowState.DRAFT, searchText(content), now)
                .withVersion(expected);
        if (!current.isSource() && upToDate) {
            // A translation's text is (re)made from the source as it is now: writing it is what brings it up to date.
            changed = changed.withSource(sourceRevision(productId), false, now);
        }
        Variant saved = saveVariant(changed);
        store.saveVersion(version(saved, actor, now, comment));
        audit.record(actor.username(), AuditAction.EDITED, productId, language, current.state().name(), saved.state().name(), comment,
                ContentDiff.between(current.content(), content).stream().map(ContentDiff.FieldChange::field).toList().toString());
        if (saved.isSource()) {
            markTranslationsOutdated(actor, productId, saved.revision());
        }
        return saved;
    }

    /** The stored file and the variant that now lists it. */
    public record AttachedFile(Asset asset, String role, Variant variant) {
    }

    /**
     * Uploads a file and attaches it to the variant with the part it plays; only the file list grows. The API passes the
     * version its If-Match names; the editor's page, which uploads while the editor types, passes null: the variant as
     * it is when the file has arrived.
     */
    public AttachedFile attachFile(Actor actor, String productId, String language, SeqNoPrimaryTerm expected, String role,
            FileUpload upload) throws MediaRefusal, IOException, InterruptedException {
        Variant variant = readVariant(actor, productId, language);
        if (expected != null) {
            requireVersion(variant, expected);
        }
        if (variant.content().assets().size() >= ContentLimits.ASSETS) {
            throw new ConflictException("too-many-files", ContentLimits.ASSETS);
        }
        if (role == null || role.isBlank() || role.length() > AssetRef.MAX_ROLE) {
            throw new BadRequestException("invalid-file-role", AssetRef.MAX_ROLE);
        }
        Asset asset = files.upload(actor, upload);
        Variant current = expected == null ? readVariant(actor, productId, language) : variant;
        List<AssetRef> attached = new ArrayList<>(current.content().assets());
        attached.add(new AssetRef(asset.id(), role));
        VariantContent content = new VariantContent(current.content().title(), current.content().summary(),
                current.content().body(), attached);
        Variant saved = editContent(actor, productId, language, expected == null ? current.seqNoPrimaryTerm() : expected, content,
                "+ " + asset.fileName());
        return new AttachedFile(asset, role, saved);
    }

    /** The asset records of a variant's files as the pages show them; a file whose record is gone is shown as missing. */
    public List<AssetView> files(Variant variant) {
        return variant.content().assets().stream().map(ref -> {
            try {
                Asset asset = files.get(ref.assetId());
                return new AssetView(ref.assetId(), ref.role(), asset, files.hasThumbnail(asset, ThumbnailSize.MEDIUM), false);
            } catch (NotFoundException e) {
                return new AssetView(ref.assetId(), ref.role(), null, false, true);
            }
        }).toList();
    }

    public Variant requestTranslation(Actor actor, String productId, String language) {
        Variant source = readVariant(actor, productId, Variant.SOURCE_LANGUAGE);
        audited(actor, productId, language, "request-translation", () -> access.requireRequestTranslation(actor, source.product()));
        if (Variant.SOURCE_LANGUAGE.equals(language)) {
            throw new ConflictException("variant-exists", language);
        }
        codes.require("language", ReferenceKind.LANGUAGES, language);
        Instant now = clock.instant();
        Variant requested = new Variant(Variant.id(productId, language), productId, language, VariantContent.EMPTY,
                WorkflowState.DRAFT, 0, source.revision(), false, Set.of(), null, null, source.product(),
                searchText(VariantContent.EMPTY), now, now, null);
        try {
            store.create(requested.id(), requested, Variant.class);
        } catch (RuntimeException e) {
            if (VersionConflicts.is(e)) {
                throw new ConflictException("variant-exists", language);
            }
            throw e;
        }
        audit.record(actor.username(), AuditAction.TRANSLATION_REQUESTED, productId, language, null, WorkflowState.DRAFT.name(), null, null);
        Variant created = store.variant(productId, language).orElseThrow();
        recordStep(created, WorkflowStep.TRANSLATION_REQUESTED, actor, null, null, now, null);
        return created;
    }

    public Variant transition(Actor actor, String productId, String language, SeqNoPrimaryTerm expected,
            WorkflowAction action, String comment) {
        Variant current = readVariant(actor, productId, language);
        requireVersion(current, expected);
        if (!action.allowedFrom(current.state())) {
            throw new ConflictException("illegal-transition", action.name(), current.state().name());
        }
        audited(actor, productId, language, action.name(), () -> access.requireTransition(actor, current, action));
        if (action.commentRequired() && (comment == null || comment.isBlank())) {
            throw new ConflictException("comment-required", action.name());
        }
        if (action == WorkflowAction.SUBMIT && !current.content().hasTitle()) {
            throw new ConflictException("empty-variant", language);
        }
        if (action == WorkflowAction.SUBMIT || action == WorkflowAction.REVIEW || action == WorkflowAction.APPROVE) {
            requireNoFailedFile(current);
        }
        if ((action == WorkflowAction.APPROVE || action == WorkflowAction.PUBLISH) && current.outdated()) {
            throw new ConflictException("translation-outdated", language);
        }
        if (action == WorkflowAction.REJECT || action == WorkflowAction.ARCHIVE || action == WorkflowAction.WITHDRAW) {
            publication.cancel(current, action.name() + ": " + (comment == null ? "" : comment));
        }
        Instant now = clock.instant();
        String reviewer = action == WorkflowAction.REVIEW ? actor.username() : current.reviewedBy();
        String approver = action == WorkflowAction.APPROVE ? actor.username() : current.approvedBy();
        if (action.target() == WorkflowState.DRAFT) {
            reviewer = null;
            approver = null;
        }
        Variant saved = saveVariant(current.withState(action.target(), reviewer, approver, now).withVersion(expected));
        audit.record(actor.username(), AuditAction.of(action), productId, language, current.state().name(), saved.state().name(), comment, null);
        if (action == WorkflowAction.APPROVE) {
            events.publishEvent(new VariantApproved(saved));
        }
        if (action == WorkflowAction.WITHDRAW) {
            publication.withdrawn(saved, comment);
        }
        recordStep(saved, action.name(), actor, current.state(), comment, now, current.revision());
        return saved;
    }

    /**
     * The step goes into the variant's history once the change is saved. The change has happened by then, so a history
     * that cannot be written is logged rather than reported to the person as a failure of what they did.
     */
    private void recordStep(Variant saved, String action, Actor actor, WorkflowState from, String comment, Instant at,
            Integer revision) {
        WorkflowStep step = new WorkflowStep(UUID.randomUUID().toString(), saved.id(), saved.productId(), saved.language(), action,
                actor.username(), at, from == null ? null : from.name(), saved.state().name(),
                revision == null ? saved.revision() : revision, comment == null || comment.isBlank() ? null : comment.strip());
        try {
            steps.record(step, saved);
        } catch (RuntimeException e) {
            LOG.warn("Không ghi được lịch sử quy trình / workflow step not recorded: {} {} {}", saved.id(), action, e.getMessage());
        }
    }

    /**
     * A file inspection could not read (a truncated PDF…) may stay attached for the editor to replace, but the variant goes
     * no further with it: the refusal names the file.
     */
    private void requireNoFailedFile(Variant variant) {
        for (AssetRef ref : variant.content().assets()) {
            files.find(ref.assetId()).filter(Asset::inspectionFailed).ifPresent(failed -> {
                throw new ConflictException("file-failed-inspection", Map.of("file", failed.fileName()), failed.fileName(),
                        failed.failureReason() == null ? "" : failed.failureReason());
            });
        }
    }

    /** An approver confirms that an outdated translation still says what the changed source says. */
    public Variant confirmSource(Actor actor, String productId, String language, SeqNoPrimaryTerm expected, String comment) {
        Variant current = readVariant(actor, productId, language);
        requireVersion(current, expected);
        audited(actor, productId, language, "confirm-source", () -> access.requireConfirmSource(actor));
        if (current.isSource() || !current.outdated()) {
            throw new ConflictException("not-outdated", language);
        }
        int sourceRevision = sourceRevision(productId);
        Variant saved = saveVariant(current.withSource(sourceRevision, false, clock.instant()).withVersion(expected));
        audit.record(actor.username(), AuditAction.SOURCE_CONFIRMED, productId, language, null, null, comment,
                "source revision " + current.sourceRevision() + " -> " + sourceRevision);
        return saved;
    }

    public Variant restore(Actor actor, String productId, String language, int revision, SeqNoPrimaryTerm expected) {
        Variant current = readVariant(actor, productId, language);
        VariantVersion old = store.version(current.id(), revision)
                .orElseThrow(() -> new NotFoundException("version", current.id() + "@" + revision));
        return editContent(actor, productId, language, expected, old.content(), "restored from revision " + revision);
    }

    /** What changed in the Vietnamese source since a translation was made from it. */
    public List<ContentDiff.FieldChange> sourceChangesSince(Actor actor, String productId, String language) {
        Variant translation = readVariant(actor, productId, language);
        if (translation.isSource() || translation.sourceRevision() == null) {
            return List.of();
        }
        return sourceChangesSince(actor, productId, translation.sourceRevision());
    }

    /** What changed in the Vietnamese source since the given revision of it. */
    public List<ContentDiff.FieldChange> sourceChangesSince(Actor actor, String productId, int sourceRevision) {
        Variant source = readVariant(actor, productId, Variant.SOURCE_LANGUAGE);
        VariantContent then = store.version(source.id(), sourceRevision).map(VariantVersion::content)
                .orElse(VariantContent.EMPTY);
        return ContentDiff.between(then, source.content());
    }

    public List<VariantVersion> versions(Actor actor, String productId, String language) {
        return store.versions(readVariant(actor, productId, language).id());
    }

    public VariantVersion version(Actor actor, String productId, String language, int revision) {
        Variant variant = readVariant(actor, productId, language);
        return store.version(variant.id(), revision).orElseThrow(() -> new NotFoundException("version", variant.id() + "@" + revision));
    }

    /** The current revision of the product's Vietnamese source. */
    public int sourceRevision(String productId) {
        return store.variant(productId, Variant.SOURCE_LANGUAGE).map(Variant::revision).orElse(0);
    }

    /** A refused attempt (scope, role, four eyes) is recorded before the refusal reaches the caller. */
    private void audited(Actor actor, String productId, String language, String attempt, Runnable check) {
        try {
            check.run();
        } catch (ForbiddenException e) {
            audit.refused(actor.username(), e.reason(), productId, language, attempt);
            throw e;
        }
    }

    private void requireKnownCodes(ProductInfo info) {
        requireKnownCodes(codes, info);
    }

    static void requireKnownCodes(ReferenceCodes codes, ProductInfo info) {
        codes.requireAll("topics", ReferenceKind.TOPICS, info.topics());
        codes.requireAll("audiences", ReferenceKind.AUDIENCE_GROUPS, info.audiences());
        codes.require("campaign", ReferenceKind.CAMPAIGNS, info.campaign());
        codes.require("province", ReferenceKind.PROVINCES, info.province());
        codes.require("ownerUnit", ReferenceKind.UNITS, info.ownerUnit());
    }

    private void markTranslationsOutdated(Actor actor, String productId, int sourceRevision) {
        for (Variant translation : store.variants(productId)) {
            if (translation.isSource() || translation.outdated() || translation.revision() == 0
                    || translation.sourceRevision() == null || translation.sourceRevision() >= sourceRevision) {
                continue;
            }
            if (mayBeScheduled(translation)) {
                publication.hold(translation, "Bản tiếng Việt đã sửa (phiên bản " + sourceRevision + ") / the Vietnamese source changed");
            }
            VersionConflicts.retry(() -> {
                Variant fresh = store.variant(productId, translation.language()).orElseThrow();
                store.save(fresh.withSource(fresh.sourceRevision(), true, clock.instant()));
            });
            audit.record(actor.username(), AuditAction.TRANSLATION_OUTDATED, productId, translation.language(), null, null, null,
                    "source revision " + translation.sourceRevision() + " -> " + sourceRevision);
        }
    }

    private void copyInfo(Variant variant, ProductInfo info) {
        VersionConflicts.retry(() -> {
            Variant fresh = store.variant(variant.productId(), variant.language()).orElseThrow();
            store.save(fresh.withProduct(info, clock.instant()));
        });
    }

    /** Jobs exist only for variants that were approved; other states have nothing pending to hold. */
    private static boolean mayBeScheduled(Variant variant) {
        return variant.state().isReleased();
    }

    /**
     * If-Match is judged first (RFC 9110 §13.2.2): a change made from an old version gets 412 with the current one,
     * whatever else would be wrong with it now. The conditional save still catches a race after this check.
     */
    private static void requireVersion(Variant current, SeqNoPrimaryTerm expected) {
        if (expected != null && !expected.equals(current.seqNoPrimaryTerm())) {
            throw new PreconditionFailedException(Versions.etag(current.seqNoPrimaryTerm()), current);
        }
    }

    private Variant saveVariant(Variant changed) {
        try {
            return store.save(changed);
        } catch (RuntimeException e) {
            throw staleOr(e, () -> store.variant(changed.productId(), changed.language()).orElseThrow());
        }
    }

    private static RuntimeException staleOr(RuntimeException e, Supplier<Object> current) {
        if (!VersionConflicts.is(e)) {
            return e;
        }
        Object now = current.get();
        SeqNoPrimaryTerm version = now instanceof Variant v ? v.seqNoPrimaryTerm() : ((Product) now).seqNoPrimaryTerm();
        return new PreconditionFailedException(Versions.etag(version), now);
    }

    static VariantVersion version(Variant variant, Actor actor, Instant now, String comment) {
        return new VariantVersion(VariantVersion.id(variant.id(), variant.revision()), variant.id(), variant.productId(),
                variant.language(), variant.revision(), variant.content(), variant.sourceRevision(), actor.username(), now, comment);
    }

    static VariantContent sanitized(VariantContent content) {
        return new VariantContent(strip(content.title()), strip(content.summary()), HtmlSanitizer.sanitize(content.body()),
                content.assets());
    }

    SearchText searchText(VariantContent content) {
        String body = HtmlSanitizer.text(content.body());
        String fileText = content.assets().isEmpty() ? null : Folding.fold(files.textOf(content.assets()));
        return new SearchText(body, Folding.fold(content.title()), Folding.fold(content.summary()), Folding.fold(body), fileText);
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }
}
