package vn.bhxh.cms;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** The one line a person running the application looks for: where to open it. */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final Environment environment;

    StartupReport(Environment environment) {
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        log.info("BHXH CMS đã sẵn sàng / is ready: http://localhost:{}/  (health: http://localhost:{}/actuator/health, "
                + "Elasticsearch: {})", port, port, environment.getProperty("spring.elasticsearch.uris"));
    }
}
