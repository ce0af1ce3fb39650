package vn.bhxh.cms.audit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.bhxh.cms.elasticsearch.IndexedDocument;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    @Bean
    IndexedDocument auditChainIndex() {
        return new IndexedDocument(ChainHead.class);
    }
}
