package vn.bhxh.cms.product;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.bhxh.cms.elasticsearch.IndexedDocument;

@Configuration(proxyBeanMethods = false)
class ProductConfiguration {

    @Bean
    IndexedDocument productIndex() {
        return new IndexedDocument(Product.class);
    }
}
