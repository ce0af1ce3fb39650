package vn.bhxh.cms.product;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.bhxh.cms.audit.AuditEvent;
import vn.bhxh.cms.elasticsearch.IndexedDocument;

@Configuration(proxyBeanMethods = false)
class ProductConfiguration {

    @Bean
    IndexedDocument productIndex() {
        return new IndexedDocument(Product.class);
    }

    @Bean
    IndexedDocument variantIndex() {
        return new IndexedDocument(Variant.class);
    }

    @Bean
    IndexedDocument variantVersionIndex() {
        return new IndexedDocument(VariantVersion.class);
    }

    @Bean
    IndexedDocument workflowStepIndex() {
        return new IndexedDocument(WorkflowStep.class);
    }

    @Bean
    IndexedDocument auditIndex() {
        return new IndexedDocument(AuditEvent.class);
    }
}
