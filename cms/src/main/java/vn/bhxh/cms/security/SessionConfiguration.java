package vn.bhxh.cms.security;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.elasticsearch.core.ElasticsearchOperations;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.web.http.SessionRepositoryFilter;
import tools.jackson.databind.json.JsonMapper;
import vn.bhxh.cms.elasticsearch.IndexInitializer;
import vn.bhxh.cms.elasticsearch.IndexedDocument;

/**
 * Web sessions in Elasticsearch ({@link ElasticsearchSessionRepository}) instead of each instance's memory: a browser
 * signed in through one instance is signed in on all of them. The cookie keeps the settings of
 * {@code server.servlet.session.cookie.*} (Spring Boot applies them to Spring Session's cookie).
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringHttpSession
class SessionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SessionConfiguration.class);

    @Bean
    ElasticsearchSessionRepository sessionRepository(ElasticsearchOperations operations, WebSessionProperties properties,
            Clock clock) {
        return new ElasticsearchSessionRepository(operations, properties.timeout(), clock, SessionConfiguration.class.getClassLoader());
    }

    /** Just outside Spring Session's filter, which reads and saves the session: see {@link StorageOutageFilter}. */
    @Bean
    FilterRegistrationBean<StorageOutageFilter> storageOutageFilter(MessageSource messages, JsonMapper json,
            IndexInitializer indices) {
        FilterRegistrationBean<StorageOutageFilter> registration =
                new FilterRegistrationBean<>(new StorageOutageFilter(messages, json, indices));
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        return registration;
    }

    @Bean
    IndexedDocument webSessionIndex() {
        return new IndexedDocument(WebSession.class);
    }

    @Bean
    SessionCleanup sessionCleanup(ElasticsearchSessionRepository sessions) {
        return new SessionCleanup(sessions);
    }

    /** Every instance removes ended sessions every 10 minutes; two doing it at once delete the same ids, harmlessly. */
    static final class SessionCleanup {

        private final ElasticsearchSessionRepository sessions;

        SessionCleanup(ElasticsearchSessionRepository sessions) {
            this.sessions = sessions;
        }

        @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT2M")
        void removeExpired() {
            try {
                int removed = sessions.deleteExpired();
                if (removed > 0) {
                    log.debug("Removed {} expired web sessions", removed);
                }
            } catch (RuntimeException e) {
                log.warn("Không xoá được phiên hết hạn / could not remove expired web sessions: {}", e.getMessage());
            }
        }
    }
}
