package vn.bhxh.cms;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import vn.bhxh.cms.elasticsearch.IndexInitializer;
import vn.bhxh.elasticsearch.node.ElasticsearchNode;
import vn.bhxh.elasticsearch.node.TestElasticsearch;
import static org.assertj.core.api.Assertions.assertThat;


/** The first start on an empty store loads the reference data and the demo products of the source documents. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bhxh.security.initial-admin.username=" + CmsIntegrationTest.ADMIN,
        "bhxh.security.initial-admin.password=" + CmsIntegrationTest.ADMIN_PASSWORD,
        "bhxh.elasticsearch.index-retry-interval=500ms",
        "bhxh.media.directory=${java.io.tmpdir}/bhxh-test-media",
        "bhxh.demo.enabled=true"})
@OwnElasticsearchNodes
class DemoDataTest {

    private static ElasticsearchNode node;

    @LocalServerPort
    int port;

    @Autowired
    IndexInitializer indices;

    @DynamicPropertySource
    static void emptyElasticsearch(DynamicPropertyRegistry registry) {
        node = TestElasticsearch.privateNode(0);
        String uri = TestElasticsearch.syncTranslogInBackground(node.start()).toString();
        registry.add("spring.elasticsearch.uris", () -> uri);
    }

    @AfterAll
    static void stop() {
        node.stop();
    }

    @Test
    void loadsTheRealSlogansLeafletsAudienceGroupsAndCampaignCalendar() {
        ApiClient api = new ApiClient(port, CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD);
        // Ready means start-up data is written: the administrator first, then reference and demo data.
        // Patience, not a timed assertion: it may share a slow, busy machine with the classes beside it.
        Await.until(indices::isReady, Duration.ofMinutes(5), "start-up data loaded");

        JsonNode slogans = Json.parse(api.get("/api/v1/search?type=SLOGAN&language=vi&size=50").body());
        assertThat(slogans.get("total").asLong()).isEqualTo(15);

        JsonNode leaflet = Json.parse(api.get("/api/v1/search?q=vi+sao+khong+nen+nhan+bhxh+mot+lan").body());
        assertThat(leaflet.get("hits").get(0).get("title").asString()).isEqualTo("Vì sao không nên nhận BHXH một lần");

        JsonNode all = Json.parse(api.get("/api/v1/search?size=1").body());
        assertThat(all.get("facets").get("state").propertyNames()).contains("DRAFT", "IN_REVIEW", "APPROVED", "PUBLISHED");
        // Translation requests, never invented translations: requested variants have no text yet.
        assertThat(all.get("facets").get("language").propertyNames()).contains("vi", "km", "tyz");
        JsonNode khmer = Json.parse(api.get("/api/v1/search?language=km&size=50").body());
        khmer.get("hits").forEach(hit -> assertThat(hit.get("title").isNull()).isTrue());

        assertThat(api.get("/api/v1/reference/audience-groups").body()).contains("\"code\":\"3.10\"", "\"parent\":\"3\"");
        assertThat(api.get("/api/v1/reference/campaigns").body()).contains("\"startMonthDay\":\"07-01\"");
        assertThat(Json.parse(api.get("/api/v1/reference/provinces").body())).hasSize(34);
        // The one channel target a demo can use without outside accounts: the app feed this CMS serves.
        assertThat(api.get("/api/v1/targets").body()).contains("\"id\":\"vssid-bang-tin\"", "\"channel\":\"APP_FEED\"");
    }
}
