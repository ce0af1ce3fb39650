package vn.bhxh.cms.production;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start, before anything else runs (no local Elasticsearch node, no key file made on the spot), when the
 * configuration lacks what production needs: with the {@code prod} profile an external Elasticsearch and the
 * credentials key; with {@code bhxh.instances} above 1 the credentials key (each instance would otherwise make its own
 * key file, and a target saved on one could not be opened on another). One sentence per missing setting.
 * Registered in {@code META-INF/spring.factories}, so every start, tests included, is checked.
 */
public class RequiredSettings implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    static final String PROD = "prod";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        List<String> missing = missing(event.getEnvironment());
        if (!missing.isEmpty()) {
            throw new MissingSettingsException(missing);
        }
    }

    static List<String> missing(ConfigurableEnvironment environment) {
        boolean production = environment.matchesProfiles(PROD);
        int instances = environment.getProperty("bhxh.instances", Integer.class, 1);
        List<String> missing = new ArrayList<>();
        if (production && blank(environment.getProperty("spring.elasticsearch.uris"))) {
            missing.add("Hồ sơ prod cần một cụm Elasticsearch bên ngoài: hãy đặt spring.elasticsearch.uris "
                    + "(SPRING_ELASTICSEARCH_URIS) / the prod profile needs an external Elasticsearch: set "
                    + "spring.elasticsearch.uris (SPRING_ELASTICSEARCH_URIS).");
        }
        if ((production || instances > 1) && blank(environment.getProperty("bhxh.publishing.credentials-key"))) {
            String why = production ? "Hồ sơ prod" : "Khi chạy " + instances + " phiên bản (bhxh.instances)";
            String whyEn = production ? "the prod profile" : "running " + instances + " instances (bhxh.instances)";
            missing.add(why + " cần khoá mã hoá thông tin đăng nhập kênh, giống nhau ở mọi phiên bản: hãy đặt "
                    + "bhxh.publishing.credentials-key (BHXH_PUBLISHER_CREDENTIALS_KEY, 32 byte Base64: openssl rand -base64 32) / "
                    + whyEn + " needs the channel credentials key, the same on every instance: set "
                    + "bhxh.publishing.credentials-key (BHXH_PUBLISHER_CREDENTIALS_KEY, 32 bytes Base64: openssl rand -base64 32).");
        }
        return missing;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** After the configuration files and profiles are read (Boot's own listener), before the local node is started. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }
}
