package vn.bhxh.cms;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import vn.bhxh.elasticsearch.node.TestElasticsearch;

/** Points the application at the test run's shared Elasticsearch node. */
public class SharedElasticsearchInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of("spring.elasticsearch.uris=" + TestElasticsearch.uri()).applyTo(context);
    }
}
