package vn.bhxh.cms;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import vn.bhxh.elasticsearch.node.TestElasticsearch;

/**
 * Points the application at the test run's shared Elasticsearch node, and its backups' snapshot repository into the
 * node's {@code path.repo}.
 */
public class SharedElasticsearchInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of("spring.elasticsearch.uris=" + TestElasticsearch.uri(),
                "bhxh.backup.directory=" + System.getProperty("java.io.tmpdir") + "/bhxh-test-backups-" + ProcessHandle.current().pid(),
                "bhxh.backup.elasticsearch-location=" + TestElasticsearch.snapshotDirectory().resolve("bhxh-backups")).applyTo(context);
    }
}
