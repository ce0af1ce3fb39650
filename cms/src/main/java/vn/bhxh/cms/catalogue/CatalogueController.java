package vn.bhxh.cms.catalogue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import vn.bhxh.cms.product.ProductService;
import vn.bhxh.cms.product.Variant;
import vn.bhxh.cms.reference.ReferenceKind;
import vn.bhxh.cms.reference.ReferenceLists;
import vn.bhxh.cms.search.SearchRequest;
import vn.bhxh.cms.search.SearchResult;
import vn.bhxh.cms.search.SearchService;
import vn.bhxh.cms.security.AccountPrincipal;
import vn.bhxh.cms.security.Actor;
import vn.bhxh.cms.site.PageController;

/**
 * The catalogue for provincial staff (and everyone): search without diacritics through the search service (which
 * shows each user only what they may read, by ProductAccess: provinces see what is approved or published now, national
 * and of their own province, and the local drafts they wrote),
 * facets to narrow down, and a product page with previews, players and downloads.
 */
@PageController
class CatalogueController {

    /** Results per page; the search service's own limits (query length, 10,000-result window) apply. */
    static final int PAGE_SIZE = 20;
    static final int MAX_QUERY = 500;
    static final int MAX_PAGE = 400;
    static final List<String> FACETS = List.of("type", "topic", "audience", "campaign", "language", "state");

    private final SearchService search;
    private final ProductService products;
    private final ReferenceLists reference;

    CatalogueController(SearchService search, ProductService products, ReferenceLists reference) {
        this.search = search;
        this.products = products;
        this.reference = reference;
    }

    @GetMapping("/catalogue")
    String search(@AuthenticationPrincipal AccountPrincipal user, @RequestParam(required = false) String q,
            @RequestParam Map<String, String> parameters, @RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        String query = q == null ? null : q.strip();
        if (query != null && query.length() > MAX_QUERY) {
            query = query.substring(0, MAX_QUERY);
            model.addAttribute("queryCut", MAX_QUERY);
        }
        int safePage = Math.max(0, Math.min(page, MAX_PAGE));
        Map<String, String> filters = new LinkedHashMap<>();
        FACETS.forEach(facet -> {
            String value = parameters.get(facet);
            if (value != null && !value.isBlank()) {
                filters.put(facet, value);
            }
        });
        SearchResult result = search.search(user.actor(), new SearchRequest(query, filters, "relevance", safePage, PAGE_SIZE));
        model.addAttribute("q", query);
        model.addAttribute("filters", filters);
        model.addAttribute("result", result);
        model.addAttribute("page", safePage);
        model.addAttribute("pageSize", PAGE_SIZE);
        model.addAttribute("facets", facets(result, query, filters, labels(locale)));
        model.addAttribute("pageUrl", url(query, filters, null, null));
        return "catalogue/search";
    }

    @GetMapping("/catalogue/{id}/{language}")
    String product(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id, @PathVariable String language,
            Model model) {
        Actor actor = user.actor();
        Variant variant = products.readVariant(actor, id, language);
        model.addAttribute("variant", variant);
        model.addAttribute("variants", products.readVariants(actor, id));
        model.addAttribute("files", products.files(variant));
        return "catalogue/product";
    }

    /** One facet value as a link that adds it to the search, or removes it when it is already chosen. */
    record FacetValue(String value, String label, long count, String url, boolean active) {
    }

    record Facet(String name, List<FacetValue> values) {
    }

    private static List<Facet> facets(SearchResult result, String q, Map<String, String> filters,
            Map<String, Map<String, String>> labels) {
        return FACETS.stream().filter(name -> result.facets().containsKey(name)).map(name -> new Facet(name,
                result.facets().get(name).entrySet().stream().map(e -> {
                    boolean active = e.getKey().equals(filters.get(name));
                    String label = labels.getOrDefault(name, Map.of()).getOrDefault(e.getKey(), e.getKey());
                    return new FacetValue(e.getKey(), label, e.getValue(), url(q, filters, name, active ? null : e.getKey()), active);
                }).toList())).filter(f -> !f.values().isEmpty()).toList();
    }

    private static String url(String q, Map<String, String> filters, String facet, String value) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/catalogue");
        if (q != null && !q.isBlank()) {
            uri.queryParam("q", q);
        }
        Map<String, String> chosen = new LinkedHashMap<>(filters);
        if (facet != null) {
            if (value == null) {
                chosen.remove(facet);
            } else {
                chosen.put(facet, value);
            }
        }
        chosen.forEach(uri::queryParam);
        return uri.encode().build().toUriString();
    }

    /** Facet values as names people read (topic codes, audience groups, campaigns, languages). */
    private Map<String, Map<String, String>> labels(Locale locale) {
        Map<String, Map<String, String>> labels = new LinkedHashMap<>();
        labels.put("topic", reference.names(ReferenceKind.TOPICS, locale));
        labels.put("audience", reference.names(ReferenceKind.AUDIENCE_GROUPS, locale));
        labels.put("campaign", reference.names(ReferenceKind.CAMPAIGNS, locale));
        labels.put("language", reference.names(ReferenceKind.LANGUAGES, locale));
        return labels;
    }
}
