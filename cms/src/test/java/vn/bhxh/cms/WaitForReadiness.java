package vn.bhxh.cms;

import java.time.Duration;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;
import vn.bhxh.cms.elasticsearch.IndexInitializer;

/**
 * Holds a test class back until its application is ready (indices there, start-up data written), as a load balancer
 * holds users back until the readiness check answers UP: before that every request is a 503 by design.
 */
public class WaitForReadiness implements TestExecutionListener {

    /** Patience for a first start on a busy machine (it creates every index), not a timing assertion. */
    private static final Duration PATIENCE = Duration.ofMinutes(5);

    @Override
    public void beforeTestClass(TestContext testContext) {
        IndexInitializer indices = testContext.getApplicationContext().getBean(IndexInitializer.class);
        Await.until(indices::isReady, PATIENCE, "the application's indices and start-up data");
    }
}
