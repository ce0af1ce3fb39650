package vn.bhxh.cms.preview;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.bhxh.cms.elasticsearch.IndexedDocument;
import vn.bhxh.templates.render.ProductRenderer;

@Configuration(proxyBeanMethods = false)
class TemplateConfiguration {

    @Bean
    ProductRenderer productRenderer(ElasticsearchTemplateRepository overrides, Clock clock) {
        return ProductRenderer.standard(overrides, clock);
    }

    @Bean
    IndexedDocument templateOverrideIndex() {
        return new IndexedDocument(TemplateOverride.class);
    }
}
