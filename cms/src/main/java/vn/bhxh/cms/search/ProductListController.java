package vn.bhxh.cms.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import vn.bhxh.cms.product.ProductType;
import vn.bhxh.cms.reference.ReferenceKind;
import vn.bhxh.cms.reference.ReferenceLists;
import vn.bhxh.cms.security.AccountPrincipal;
import vn.bhxh.cms.site.PageController;
import vn.bhxh.cms.workflow.WorkflowState;

/**
 * The editors' product list, like a headless CMS's list view: search, filters, sort and pages of at most
 * {@link #PAGE_SIZE} rows. It asks the same search service as {@code GET /api/v1/products}, so it lists exactly what
 * the API lists for the same user, and never more than that user may read.
 */
@PageController
class ProductListController {

    static final int PAGE_SIZE = 50;
    /** The last page Elasticsearch's 10,000-result window reaches at this page size. */
    static final int MAX_PAGE = SearchService.MAX_EXACT_TOTAL / PAGE_SIZE - 1;
    static final List<String> FILTERS = List.of("type", "state", "language", "campaign", "topic", "unit");
    static final List<String> SORTS = List.of("newest", "oldest", "relevance");

    private final SearchService search;
    private final ReferenceLists reference;

    ProductListController(SearchService search, ReferenceLists reference) {
        this.search = search;
        this.reference = reference;
    }

    @GetMapping("/products")
    String list(@AuthenticationPrincipal AccountPrincipal user, @RequestParam(required = false) String q,
            @RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") String page,
            @RequestParam Map<String, String> parameters, Model model, Locale locale) {
        String query = q == null || q.isBlank() ? null : q.strip();
        if (query != null && query.length() > SearchController.MAX_QUERY) {
            query = query.substring(0, SearchController.MAX_QUERY);
            model.addAttribute("queryCut", SearchController.MAX_QUERY);
        }
        // Without words to rank by, relevance means nothing: the newest first, as people expect of a list.
        String order = sort != null && SORTS.contains(sort) ? sort : query == null ? "newest" : "relevance";
        Map<String, String> filters = new LinkedHashMap<>();
        FILTERS.forEach(name -> {
            String value = parameters.get(name);
            if (value != null && !value.isBlank()) {
                filters.put(name, value.strip());
            }
        });
        int wanted = pageNumber(page);
        SearchResult result = search.search(user.actor(), new SearchRequest(query, filters, order, wanted, PAGE_SIZE));
        long reachable = Math.min(result.total(), SearchService.MAX_EXACT_TOTAL);
        int pages = (int) Math.max(1, (reachable + PAGE_SIZE - 1) / PAGE_SIZE);
        if (wanted >= pages && result.total() > 0) {
            // A page beyond the end (an old link, a hand-typed number) shows the last one instead of an empty list.
            wanted = pages - 1;
            result = search.search(user.actor(), new SearchRequest(query, filters, order, wanted, PAGE_SIZE));
        }
        model.addAttribute("q", query);
        model.addAttribute("sort", order);
        model.addAttribute("sorts", SORTS);
        model.addAttribute("filters", filters);
        model.addAttribute("result", result);
        model.addAttribute("page", wanted);
        model.addAttribute("pages", pages);
        model.addAttribute("pageLinks", pageLinks(query, order, filters, wanted, pages));
        model.addAttribute("types", ProductType.values());
        model.addAttribute("states", WorkflowState.values());
        model.addAttribute("languages", reference.names(ReferenceKind.LANGUAGES, locale));
        model.addAttribute("campaigns", reference.names(ReferenceKind.CAMPAIGNS, locale));
        model.addAttribute("topics", reference.names(ReferenceKind.TOPICS, locale));
        model.addAttribute("units", reference.names(ReferenceKind.UNITS, locale));
        return "products/list";
    }

    /** A link to one page of the same search; {@code current} marks the page shown. */
    record PageLink(int number, String url, boolean current) {
    }

    private static int pageNumber(String page) {
        try {
            return Math.max(0, Math.min(Integer.parseInt(page.strip()), MAX_PAGE));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The first and last pages and up to two on each side of the current one. */
    private static List<PageLink> pageLinks(String q, String sort, Map<String, String> filters, int current, int pages) {
        return IntStream.range(0, pages)
                .filter(p -> p == 0 || p == pages - 1 || Math.abs(p - current) <= 2)
                .mapToObj(p -> new PageLink(p + 1, url(q, sort, filters, p), p == current)).toList();
    }

    private static String url(String q, String sort, Map<String, String> filters, int page) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/products");
        if (q != null) {
            uri.queryParam("q", q);
        }
        filters.forEach(uri::queryParam);
        uri.queryParam("sort", sort);
        if (page > 0) {
            uri.queryParam("page", page);
        }
        return uri.encode().build().toUriString();
    }
}
