package vn.bhxh.cms.product;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.bhxh.cms.api.NotFoundException;

@RestController
@RequestMapping("/api/products")
class ProductController {

    static final int MAX_PAGE_SIZE = 100;

    private final ProductStore store;

    ProductController(ProductStore store) {
        this.store = store;
    }

    @PostMapping
    ResponseEntity<ProductView> create(@Valid @RequestBody NewProduct request) {
        Product product = store.create(request.type(), request.title().strip(), request.summary());
        return ResponseEntity.created(URI.create("/api/products/" + product.getId()))
                .eTag(ProductView.etag(product))
                .body(ProductView.of(product));
    }

    @GetMapping("/{id}")
    ResponseEntity<ProductView> get(@PathVariable String id) {
        Product product = store.find(id).orElseThrow(() -> new NotFoundException("product", id));
        return ResponseEntity.ok().eTag(ProductView.etag(product)).body(ProductView.of(product));
    }

    @GetMapping
    List<ProductView> list(@RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        return store.list(page, size).stream().map(ProductView::of).toList();
    }

    record NewProduct(@NotNull ProductType type, @NotBlank @Size(max = 300) String title, @Size(max = 2000) String summary) {
    }

    record ProductView(String id, ProductType type, String title, String summary, Instant createdAt, Instant updatedAt) {

        static ProductView of(Product product) {
            return new ProductView(product.getId(), product.getType(), product.getTitle(), product.getSummary(),
                    product.getCreatedAt(), product.getUpdatedAt());
        }

        static String etag(Product product) {
            var version = product.getSeqNoPrimaryTerm();
            return "\"" + version.sequenceNumber() + "-" + version.primaryTerm() + "\"";
        }
    }
}
