package vn.bhxh.cms.reference;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.bhxh.cms.elasticsearch.IndexedDocument;

@Configuration(proxyBeanMethods = false)
class ReferenceConfiguration {

    @Bean
    IndexedDocument referenceIndex() {
        return new IndexedDocument(ReferenceItem.class);
    }
}
