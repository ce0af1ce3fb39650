package vn.bhxh.cms.product;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bhxh.cms.api.ConflictException;
import vn.bhxh.cms.api.NotFoundException;
import vn.bhxh.cms.audit.AuditAction;
import vn.bhxh.cms.audit.AuditEvent;
import vn.bhxh.cms.audit.AuditLog;
import vn.bhxh.cms.reference.ReferenceCodes;
import vn.bhxh.cms.reference.ReferenceKind;
import vn.bhxh.cms.security.Actor;
import vn.bhxh.cms.workflow.WorkflowAction;
import vn.bhxh.cms.workflow.WorkflowState;

/**
 * Many new products taken through their first steps at once (the demo data of a first start): each step is checked as
 * {@link ProductService} checks it (reference codes, roles, four eyes, the workflow's transitions) on the documents in
 * memory, and {@link #write()} stores the outcome with a few bulk requests and the audit entries behind them, instead
 * of a dozen calls per product. Products, variants and versions are created only if absent, under ids the caller chooses:
 * a product already stored (by another instance loading the same data) is left as it is and gets no second set of
 * audit entries. New products have no schedules or posts, so no step has publications to hold or cancel; files are
 * not part of a batch.
 */
public class ProductBatch {

    /** Products per bulk request: each request stays well within the client's socket timeout on a busy machine. */
    static final int CHUNK = 10;
    private static final Logger log = LoggerFactory.getLogger(ProductBatch.class);

    private final ProductService service;
    private final ProductStore store;
    private final ProductAccess access;
    private final AuditLog audit;
    private final ReferenceCodes codes;
    private final Clock clock;
    private final Map<String, Staged> staged = new LinkedHashMap<>();

    ProductBatch(ProductService service, ProductStore store, ProductAccess access, AuditLog audit, ReferenceCodes codes,
            Clock clock) {
        this.service = service;
        this.store = store;
        this.access = access;
        this.audit = audit;
        this.codes = codes;
        this.clock = clock;
    }

    /** What one product will be written as: its documents as the steps so far left them, and their audit entries. */
    private static final class Staged {
        private final Product product;
        private final Map<String, Variant> variants = new LinkedHashMap<>();
        private final List<VariantVersion> versions = new ArrayList<>();
        private final List<AuditEvent> entries = new ArrayList<>();

        private Staged(Product product) {
            this.product = product;
        }
    }

    /** As {@link ProductService#createProduct}, under the given id. */
    public Variant create(Actor actor, String productId, ProductInfo info, VariantContent vietnamese) {
        if (staged.containsKey(productId)) {
            throw new IllegalArgumentException("Product " + productId + " is already in this batch");
        }
        if (!vietnamese.assets().isEmpty()) {
            throw new IllegalArgumentException("A batch writes texts only; files are attached through ProductService");
        }
        ProductService.requireKnownCodes(codes, info);
        access.requireCreate(actor, info);
        Instant now = clock.instant();
        VariantContent content = ProductService.sanitized(vietnamese);
        Staged product = new Staged(new Product(productId, info, actor.username(), now, now, null));
        Variant source = new Variant(Variant.id(productId, Variant.SOURCE_LANGUAGE), productId, Variant.SOURCE_LANGUAGE, content,
                WorkflowState.DRAFT, 1, null, false, Set.of(actor.username()), null, null, info, service.searchText(content), now,
                now, null);
        product.variants.put(source.language(), source);
        product.versions.add(ProductService.version(source, actor, now, null));
        product.entries.add(audit.prepare(actor.username(), AuditAction.PRODUCT_CREATED, productId, Variant.SOURCE_LANGUAGE, null,
                WorkflowState.DRAFT.name(), null, info.type() + ": " + content.title()));
        staged.put(productId, product);
        return source;
    }

    /** As {@link ProductService#requestTranslation}, for a product created in this batch. */
    public Variant requestTranslation(Actor actor, String productId, String language) {
        Staged product = staged(productId);
        Variant source = product.variants.get(Variant.SOURCE_LANGUAGE);
        access.requireRequestTranslation(actor, source.product());
        if (product.variants.containsKey(language)) {
            throw new ConflictException("variant-exists", language);
        }
        codes.require("language", ReferenceKind.LANGUAGES, language);
        Instant now = clock.instant();
        Variant requested = new Variant(Variant.id(productId, language), productId, language, VariantContent.EMPTY,
                WorkflowState.DRAFT, 0, source.revision(), false, Set.of(), null, null, source.product(),
                service.searchText(VariantContent.EMPTY), now, now, null);
        product.variants.put(language, requested);
        product.entries.add(audit.prepare(actor.username(), AuditAction.TRANSLATION_REQUESTED, productId, language, null,
                WorkflowState.DRAFT.name(), null, null));
        return requested;
    }

    /** As {@link ProductService#transition}, for a variant of a product created in this batch. */
    public Variant transition(Actor actor, String productId, String language, WorkflowAction action, String comment) {
        Staged product = staged(productId);
        Variant current = product.variants.get(language);
        if (current == null) {
            throw new NotFoundException("variant", productId + "/" + language);
        }
        if (!action.allowedFrom(current.state())) {
            throw new ConflictException("illegal-transition", action.name(), current.state().name());
        }
        access.requireTransition(actor, current, action);
        if (action.commentRequired() && (comment == null || comment.isBlank())) {
            throw new ConflictException("comment-required", action.name());
        }
        if (action == WorkflowAction.SUBMIT && !current.content().hasTitle()) {
            throw new ConflictException("empty-variant", language);
        }
        if ((action == WorkflowAction.APPROVE || action == WorkflowAction.PUBLISH) && current.outdated()) {
            throw new ConflictException("translation-outdated", language);
        }
        String reviewer = action == WorkflowAction.REVIEW ? actor.username() : current.reviewedBy();
        String approver = action == WorkflowAction.APPROVE ? actor.username() : current.approvedBy();
        if (action.target() == WorkflowState.DRAFT) {
            reviewer = null;
            approver = null;
        }
        Variant changed = current.withState(action.target(), reviewer, approver, clock.instant());
        product.variants.put(language, changed);
        product.entries.add(audit.prepare(actor.username(), AuditAction.of(action), productId, language, current.state().name(),
                changed.state().name(), comment, null));
        return changed;
    }

    /** Leaves a product out of the batch (one of its steps was refused): nothing of it is written. */
    public void discard(String productId) {
        staged.remove(productId);
    }

    /**
     * Writes every product of the batch that is not stored yet, with its variants and versions (a bulk request per
     * {@link #CHUNK} products), then their audit entries in the order of the steps, and refreshes the product indices:
     * search shows them when this returns. A chunk that fails (a timeout on a busy machine) is logged and left out,
     * as a product that failed was when they were written one at a time; the other chunks are written.
     *
     * @return how many products were written; the others already existed or were in a chunk that failed
     */
    public int write() {
        List<Staged> all = new ArrayList<>(staged.values());
        staged.clear();
        int written = 0;
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<Staged> chunk = all.subList(from, Math.min(from + CHUNK, all.size()));
            try {
                written += write(chunk);
            } catch (RuntimeException e) {
                log.warn("{} products not written ({}): {}", chunk.size(), e.getMessage(),
                        chunk.stream().map(product -> product.product.id()).toList());
            }
        }
        store.refresh();
        return written;
    }

    private int write(List<Staged> chunk) {
        List<Product> products = new ArrayList<>();
        List<Variant> variants = new ArrayList<>();
        List<VariantVersion> versions = new ArrayList<>();
        for (Staged product : chunk) {
            products.add(product.product);
            variants.addAll(product.variants.values());
            versions.addAll(product.versions);
        }
        Set<String> existing = store.createAllAbsent(products, variants, versions);
        List<AuditEvent> entries = new ArrayList<>();
        int written = 0;
        for (Staged product : chunk) {
            if (!existing.contains(product.product.id())) {
                entries.addAll(product.entries);
                written++;
            }
        }
        audit.recordAll(entries);
        return written;
    }

    private Staged staged(String productId) {
        Staged product = staged.get(productId);
        if (product == null) {
            throw new NotFoundException("product", productId);
        }
        return product;
    }
}
