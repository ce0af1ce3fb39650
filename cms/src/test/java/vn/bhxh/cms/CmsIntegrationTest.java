package vn.bhxh.cms;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The whole application on a random port against the shared test Elasticsearch node, with a known first
 * administrator. Tests talk to it over real HTTP.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bhxh.security.initial-admin.username=" + CmsIntegrationTest.ADMIN,
        "bhxh.security.initial-admin.password=" + CmsIntegrationTest.ADMIN_PASSWORD,
        "bhxh.elasticsearch.index-retry-interval=500ms",
        "bhxh.media.directory=${java.io.tmpdir}/bhxh-test-media",
        "bhxh.elasticsearch.refresh-interval=100ms",
        "bhxh.demo.enabled=false",
        "bhxh.publishing.credentials-key-file=${java.io.tmpdir}/bhxh-test-publishing/credentials.key",
        "bhxh.publishing.poll-interval=200ms",
        "bhxh.publishing.feed-refresh=300ms",
        "bhxh.publishing.check-interval=1s",
        // Every cached test context runs a scheduler on the shared node; any of them may take a job, so all retry alike.
        "bhxh.publishing.retry-base=300ms",
        "bhxh.publishing.retry-max=1s",
        // Every API call checks a password; the lowest bcrypt cost keeps the suite fast (production keeps 10).
        "bhxh.security.password.bcrypt-strength=4"})
@ContextConfiguration(initializers = SharedElasticsearchInitializer.class)
@TestExecutionListeners(listeners = WaitForReadiness.class, mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface CmsIntegrationTest {

    String ADMIN = "admin";
    String ADMIN_PASSWORD = "mat-khau-thu-nghiem";
}
