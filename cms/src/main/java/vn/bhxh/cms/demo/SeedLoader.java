package vn.bhxh.cms.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.bhxh.cms.elasticsearch.IndicesReadyEvent;
import vn.bhxh.cms.product.ProductBatch;
import vn.bhxh.cms.product.ProductInfo;
import vn.bhxh.cms.product.ProductService;
import vn.bhxh.cms.product.ProductStore;
import vn.bhxh.cms.product.Variant;
import vn.bhxh.cms.product.VariantContent;
import vn.bhxh.cms.reference.ReferenceData;
import vn.bhxh.cms.reference.ReferenceItem;
import vn.bhxh.cms.reference.ReferenceKind;
import vn.bhxh.cms.security.Actor;
import vn.bhxh.cms.security.Role;
import vn.bhxh.cms.workflow.WorkflowAction;
import vn.bhxh.cms.workflow.WorkflowState;

/**
 * Seeds the reference data (always, into an empty store) and the demo products (when enabled, into a store
 * without products). Demo products go through the real workflow's checks, by demo actors who have no login.
 */
@Component
class SeedLoader {

    private static final Logger log = LoggerFactory.getLogger(SeedLoader.class);
    private static final Actor EDITOR = new Actor("demo.bientap", Set.of(Role.EDITOR), null);
    private static final Actor REVIEWER = new Actor("demo.thamdinh", Set.of(Role.REVIEWER), null);
    private static final Actor APPROVER = new Actor("demo.lanhdao", Set.of(Role.APPROVER), null);

    private final ReferenceData reference;
    private final ProductService products;
    private final ProductStore store;
    private final DemoProperties properties;
    private final JsonMapper json;

    SeedLoader(ReferenceData reference, ProductService products, ProductStore store, DemoProperties properties, JsonMapper json) {
        this.reference = reference;
        this.products = products;
        this.store = store;
        this.properties = properties;
        this.json = json;
    }

    @EventListener(IndicesReadyEvent.class)
    @Order(10)
    void seed() throws IOException {
        if (reference.isEmpty()) {
            List<ReferenceItem> items = referenceItems(read("demo/reference-data.json", new TypeReference<ReferenceSeed>() { }));
            reference.saveAll(items);
            log.info("Loaded {} reference data entries from the source documents", items.size());
        }
        if (!properties.enabled()) {
            // Said once at start, so an operator (and the production run's test) sees the prod profile took effect.
            log.info("Dữ liệu mẫu đang tắt / demo data is off (bhxh.demo.enabled=false): no demo products or reports are loaded");
        } else if (store.countProducts() == 0) {
            loadDemoProducts(read("demo/products.json", new TypeReference<List<DemoProduct>>() { }));
        }
    }

    /**
     * All demo products in one batch: the same steps through the workflow, checked the same way, written with a bulk
     * request per ten products and their audit entries (a product at a time took a dozen calls each). Each product's id is derived from
     * its place in the file, so an instance that loads them again finds them stored and writes none twice.
     */
    private void loadDemoProducts(List<DemoProduct> demo) {
        ProductBatch batch = products.batch();
        for (int i = 0; i < demo.size(); i++) {
            DemoProduct item = demo.get(i);
            String id = productId(i, item);
            try {
                load(batch, id, item);
            } catch (RuntimeException e) {
                // One bad entry must not keep the application from opening its API.
                batch.discard(id);
                log.warn("Demo product '{}' not loaded: {}", item.title(), e.getMessage());
            }
        }
        int loaded = batch.write();
        log.info("Loaded {} of {} demo products from the source documents (bhxh.demo.enabled=false turns this off)",
                loaded, demo.size());
    }

    private static String productId(int position, DemoProduct item) {
        return UUID.nameUUIDFromBytes(("bhxh-demo-product/" + position + "/" + item.title()).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static void load(ProductBatch batch, String id, DemoProduct item) {
        ProductInfo info = new ProductInfo(item.type(), item.topics(), item.audiences(), item.campaign(), item.scope(),
                item.province(), item.ownerUnit(), item.tags(), null, null);
        batch.create(EDITOR, id, info, new VariantContent(item.title(), item.summary(), item.body(), List.of()));
        for (String language : item.translationRequests() == null ? List.<String>of() : item.translationRequests()) {
            batch.requestTranslation(EDITOR, id, language);
        }
        for (WorkflowAction step : stepsTo(item.demoState())) {
            Actor actor = switch (step) {
                case REVIEW -> REVIEWER;
                case APPROVE -> APPROVER;
                default -> EDITOR;
            };
            batch.transition(actor, id, Variant.SOURCE_LANGUAGE, step, "Dữ liệu mẫu / demo data");
        }
    }

    private static List<WorkflowAction> stepsTo(WorkflowState state) {
        List<WorkflowAction> path = List.of(WorkflowAction.SUBMIT, WorkflowAction.REVIEW, WorkflowAction.APPROVE, WorkflowAction.PUBLISH);
        int steps = switch (state) {
            case IN_REVIEW -> 1;
            case REVIEWED -> 2;
            case APPROVED -> 3;
            case PUBLISHED -> 4;
            default -> 0;
        };
        return path.subList(0, steps);
    }

    private static List<ReferenceItem> referenceItems(ReferenceSeed seed) {
        List<ReferenceItem> items = new ArrayList<>();
        add(items, ReferenceKind.TOPICS, seed.topics());
        add(items, ReferenceKind.AUDIENCE_GROUPS, seed.audienceGroups());
        add(items, ReferenceKind.CAMPAIGNS, seed.campaigns());
        add(items, ReferenceKind.PROVINCES, seed.provinces());
        add(items, ReferenceKind.UNITS, seed.units());
        add(items, ReferenceKind.LANGUAGES, seed.languages());
        return items;
    }

    private static void add(List<ReferenceItem> items, ReferenceKind kind, List<ReferenceSeed.Entry> entries) {
        int order = 0;
        for (ReferenceSeed.Entry e : entries) {
            items.add(new ReferenceItem(ReferenceItem.id(kind, e.code()), kind, e.code(), e.nameVi(), e.nameEn(), e.parent(),
                    e.startMonthDay(), e.endMonthDay(), e.descriptionVi(), e.script(), order++));
        }
    }

    private <T> T read(String resource, TypeReference<T> type) throws IOException {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return json.readValue(in, type);
        }
    }
}
