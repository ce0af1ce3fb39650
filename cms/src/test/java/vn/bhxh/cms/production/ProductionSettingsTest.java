package vn.bhxh.cms.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import vn.bhxh.cms.CmsApplication;

/**
 * The production profile and several instances refuse to start without what they need, before anything else happens
 * (no local node, no key file), with one sentence per missing setting in the start-up report.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionSettingsTest {

    private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    @Test
    void theProdProfileNamesEachMissingSettingInOneSentence(CapturedOutput output) {
        assertThatThrownBy(() -> start("prod", "--server.port=0", "--bhxh.publishing.credentials-key="))
                .isInstanceOfSatisfying(MissingSettingsException.class, e -> {
                    assertThat(e.sentences()).hasSize(2);
                    assertThat(e.sentences().get(0)).contains("spring.elasticsearch.uris", "SPRING_ELASTICSEARCH_URIS",
                            "the prod profile needs an external Elasticsearch");
                    assertThat(e.sentences().get(1)).contains("bhxh.publishing.credentials-key",
                            "BHXH_PUBLISHER_CREDENTIALS_KEY", "the prod profile needs the channel credentials key");
                });
        assertThat(output).contains("APPLICATION FAILED TO START", "SPRING_ELASTICSEARCH_URIS", "BHXH_PUBLISHER_CREDENTIALS_KEY")
                .doesNotContain("MissingSettingsException");
    }

    @Test
    void theProdProfileWithAClusterStillNeedsTheKeyAndNothingElse() {
        assertThatThrownBy(() -> start("prod", "--server.port=0", "--spring.elasticsearch.uris=http://127.0.0.1:1",
                "--bhxh.publishing.credentials-key="))
                .isInstanceOfSatisfying(MissingSettingsException.class, e -> assertThat(e.sentences()).singleElement()
                        .asString().contains("bhxh.publishing.credentials-key"));
    }

    @Test
    void severalInstancesNeedTheOneCredentialsKey() {
        assertThatThrownBy(() -> start(null, "--server.port=0", "--bhxh.instances=3", "--bhxh.publishing.credentials-key=",
                "--spring.elasticsearch.uris=http://127.0.0.1:1"))
                .isInstanceOfSatisfying(MissingSettingsException.class, e -> assertThat(e.sentences()).singleElement()
                        .asString().contains("running 3 instances (bhxh.instances)", "the same on every instance"));
    }

    @Test
    void withTheirSettingsNothingIsMissing() {
        org.springframework.mock.env.MockEnvironment production = new org.springframework.mock.env.MockEnvironment()
                .withProperty("spring.elasticsearch.uris", "https://es1:9200").withProperty("bhxh.publishing.credentials-key", KEY)
                .withProperty("bhxh.instances", "3");
        production.setActiveProfiles("prod");
        assertThat(RequiredSettings.missing(production)).isEmpty();
        assertThat(RequiredSettings.missing(new org.springframework.mock.env.MockEnvironment())).as("development defaults").isEmpty();
    }

    @Test
    void theProdProfileTurnsOffDemoDataAndMarksTheSessionCookieSecure() throws Exception {
        List<PropertySource<?>> prod = new YamlPropertySourceLoader().load("prod", new ClassPathResource("application-prod.yml"));
        assertThat(prod.getFirst().getProperty("bhxh.demo.enabled")).isEqualTo(false);
        assertThat(prod.getFirst().getProperty("server.servlet.session.cookie.secure")).isEqualTo(true);
        List<PropertySource<?>> defaults = new YamlPropertySourceLoader().load("defaults", new ClassPathResource("application.yml"));
        assertThat(defaults.getFirst().getProperty("bhxh.demo.enabled")).isEqualTo(true);
    }

    private static void start(String profile, String... args) {
        SpringApplicationBuilder builder = new SpringApplicationBuilder(CmsApplication.class);
        if (profile != null) {
            builder.profiles(profile);
        }
        builder.run(args);
    }
}
