package vn.bhxh.cms.search;

import java.util.Map;

/** A search: free text, facet filters (facet name → value), sort (relevance, newest, oldest) and a page. */
public record SearchRequest(String q, Map<String, String> filters, String sort, int page, int size) {
}
