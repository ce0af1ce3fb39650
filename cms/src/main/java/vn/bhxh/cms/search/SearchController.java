package vn.bhxh.cms.search;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.bhxh.cms.api.BadRequestException;
import vn.bhxh.cms.security.AccountPrincipal;

/** Search and listing of products (one hit per language variant the caller may read). */
@RestController
@RequestMapping("/api/v1")
class SearchController {

    static final int MAX_PAGE_SIZE = 100;
    static final int MAX_QUERY = 500;

    private final SearchService search;

    SearchController(SearchService search) {
        this.search = search;
    }

    @GetMapping({"/search", "/products"})
    SearchResult search(@AuthenticationPrincipal AccountPrincipal user,
            @RequestParam(required = false) @Size(max = MAX_QUERY) String q,
            @RequestParam Map<String, String> parameters,
            @RequestParam(defaultValue = "relevance") @Pattern(regexp = "relevance|newest|oldest") String sort,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        if ((long) (page + 1) * size > SearchService.MAX_EXACT_TOTAL) {
            // Elasticsearch's result window; deeper paging needs a narrower search.
            throw new BadRequestException("page-too-deep", SearchService.MAX_EXACT_TOTAL);
        }
        Map<String, String> filters = new LinkedHashMap<>();
        SearchService.FACETS.keySet().forEach(facet -> filters.put(facet, parameters.get(facet)));
        return search.search(user.actor(), new SearchRequest(q, filters, sort, page, size));
    }
}
