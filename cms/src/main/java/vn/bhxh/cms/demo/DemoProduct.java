package vn.bhxh.cms.demo;

import java.util.List;
import java.util.Set;
import vn.bhxh.cms.product.ProductType;
import vn.bhxh.cms.product.Scope;
import vn.bhxh.cms.workflow.WorkflowState;

/** One entry of demo/products.json, taken from the source documents (see {@code source}). */
record DemoProduct(ProductType type, String title, String summary, String body, Set<String> topics, Set<String> audiences,
        String campaign, Scope scope, String province, String ownerUnit, Set<String> tags, WorkflowState demoState,
        List<String> translationRequests, String source) {
}
