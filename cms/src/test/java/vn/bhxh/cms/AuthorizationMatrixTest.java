package vn.bhxh.cms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.bhxh.cms.elasticsearch.IndexInitializer;

/**
 * Every role against every endpoint family, over HTTP. Each row names the status each caller must get;
 * rows that change something get a fresh draft for every call, so that one caller's change cannot decide
 * another's answer.
 */
@CmsIntegrationTest
class AuthorizationMatrixTest {

    private static final List<String> CALLERS = List.of("ADMIN", "EDITOR", "REVIEWER", "APPROVER", "TRANSLATOR",
            "PROVINCIAL_STAFF", "CONNECTOR", "ANONYMOUS");

    @LocalServerPort
    int port;

    @Autowired
    IndexInitializer indices;

    ApiClient admin;
    ApiClient editor;
    final Map<String, ApiClient> clients = new LinkedHashMap<>();

    @BeforeEach
    void users() {
        Await.until(indices::isReady, Duration.ofSeconds(30), "indices created");
        admin = new ApiClient(port, CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD);
        editor = TestUsers.ensure(port, admin, "mt-editor", "[\"EDITOR\"]", "{}");
        clients.put("ADMIN", admin);
        clients.put("EDITOR", editor);
        clients.put("REVIEWER", TestUsers.ensure(port, admin, "mt-reviewer", "[\"REVIEWER\"]", "{}"));
        clients.put("APPROVER", TestUsers.ensure(port, admin, "mt-approver", "[\"APPROVER\"]", "{}"));
        clients.put("TRANSLATOR", TestUsers.ensure(port, admin, "mt-translator", "[\"TRANSLATOR\"]", "{\"languages\":[\"km\"]}"));
        clients.put("PROVINCIAL_STAFF", TestUsers.ensure(port, admin, "mt-province", "[\"PROVINCIAL_STAFF\"]", "{\"province\":\"CT\"}"));
        clients.put("CONNECTOR", TestUsers.ensure(port, admin, "mt-connector", "[\"CONNECTOR\"]", "{\"channels\":[\"facebook\"]}"));
        clients.put("ANONYMOUS", null);
    }

    @Test
    void everyRoleAgainstEveryEndpointFamily() {
        List<String> mismatches = new ArrayList<>();
        // Reading changes nothing: one draft serves every reading row; writing rows get a fresh draft per call.
        String readOnly = draftWithKhmer();
        check(mismatches, "search", "200 200 200 200 200 200 200 401",
                c -> get(c, "/api/v1/search?q=bhxh"));
        check(mismatches, "create national product", "201 201 403 403 403 403 403 401",
                c -> post(c, "/api/v1/products", product("NATIONAL", null)));
        check(mismatches, "create local product of Cần Thơ", "201 201 403 403 403 201 403 401",
                c -> post(c, "/api/v1/products", product("LOCAL", "CT")));
        check(mismatches, "read a national draft", "200 200 200 200 200 404 404 401",
                c -> get(c, variant(readOnly, "vi")));
        check(mismatches, "edit a national draft", "200 200 403 403 403 404 404 401",
                c -> edit(c, draft()));
        check(mismatches, "submit a national draft", "200 200 403 403 403 404 404 401",
                c -> transition(c, draft(), "SUBMIT"));
        check(mismatches, "request a translation", "201 201 403 403 403 404 404 401",
                c -> post(c, "/api/v1/products/" + draft() + "/variants", "{\"language\":\"km\"}"));
        check(mismatches, "export a translation", "200 200 200 200 200 404 404 401",
                c -> get(c, variant(readOnly, "km") + "/translation"));
        check(mismatches, "versions of a draft", "200 200 200 200 200 404 404 401",
                c -> get(c, variant(readOnly, "vi") + "/versions"));
        check(mismatches, "audit of a product", "200 200 200 200 200 404 404 401",
                c -> get(c, "/api/v1/products/" + readOnly + "/audit"));
        check(mismatches, "whole audit trail", "200 403 403 403 403 403 403 401",
                c -> get(c, "/api/v1/audit"));
        check(mismatches, "list backups", "200 403 403 403 403 403 403 401",
                c -> get(c, "/api/v1/backups"));
        check(mismatches, "list users", "200 403 403 403 403 403 403 401",
                c -> get(c, "/api/v1/users"));
        check(mismatches, "create a user", "201 403 403 403 403 403 403 401",
                c -> post(c, "/api/v1/users", "{\"username\":\"u" + UUID.randomUUID().toString().substring(0, 8)
                        + "\",\"displayName\":\"Mới\",\"password\":\"mot-mat-khau-dai\",\"roles\":[\"EDITOR\"]}"));
        check(mismatches, "read reference data", "200 200 200 200 200 200 200 401",
                c -> get(c, "/api/v1/reference/topics"));
        check(mismatches, "change reference data", "200 403 403 403 403 403 403 401",
                c -> put(c, "/api/v1/reference/topics/TEST-MATRIX", "{\"nameVi\":\"Thử\"}", null));
        check(mismatches, "channel previews of a national draft", "200 200 200 200 200 404 404 401",
                c -> get(c, variant(readOnly, "vi") + "/previews/sms"));
        check(mismatches, "template administration", "200 403 403 403 403 403 403 401",
                c -> get(c, "/api/v1/templates"));
        check(mismatches, "upload a file", "201 201 403 403 201 201 403 401",
                c -> send(c, request(c, "/api/v1/assets?productType=INFOGRAPHIC&fileName=a.png").header("Content-Type", "image/png")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(TestImages.png(40, 30)))));
        check(mismatches, "list channel targets", "200 200 403 200 403 403 403 401",
                c -> get(c, "/api/v1/targets"));
        check(mismatches, "create a channel target", "201 403 403 403 403 403 403 401",
                c -> post(c, "/api/v1/targets", "{\"id\":\"t-" + UUID.randomUUID().toString().substring(0, 8)
                        + "\",\"channel\":\"APP_FEED\",\"name\":\"Ứng dụng VssID\"}"));
        check(mismatches, "schedule a draft (refused: not approved)", "409 409 403 409 403 403 403 401",
                c -> post(c, "/api/v1/schedules", "{\"productId\":\"" + readOnly + "\",\"language\":\"vi\","
                        + "\"targets\":[\"vssid\"],\"publishAt\":\"2099-05-10T07:00\"}"));
        check(mismatches, "failed deliveries", "200 200 403 200 403 403 403 401",
                c -> get(c, "/api/v1/schedules/failed"));
        check(mismatches, "publishing calendar", "200 200 200 200 200 200 200 401",
                c -> get(c, "/api/v1/calendar?from=2026-05-01&to=2026-05-31"));
        check(mismatches, "publications of a national draft", "200 200 200 200 200 404 404 401",
                c -> get(c, "/api/v1/products/" + readOnly + "/publications"));
        check(mismatches, "my notices", "200 200 200 200 200 200 200 401",
                c -> get(c, "/api/v1/notices"));
        check(mismatches, "public app feed", "200 200 200 200 200 200 200 200",
                c -> get(c, "/api/v1/feeds/vi.json"));
        assertThat(mismatches).isEmpty();
    }

    private void check(List<String> mismatches, String family, String expected, Function<ApiClient, HttpResponse<String>> call) {
        String[] statuses = expected.split(" ");
        for (int i = 0; i < CALLERS.size(); i++) {
            String caller = CALLERS.get(i);
            HttpResponse<String> response = call.apply(clients.get(caller));
            if (response.statusCode() != Integer.parseInt(statuses[i])) {
                mismatches.add(family + " as " + caller + ": expected " + statuses[i] + ", got " + response.statusCode()
                        + " " + response.body());
            }
            if (response.statusCode() >= 400) {
                assertThat(response.headers().firstValue("Content-Type")).as(family + " as " + caller)
                        .hasValue("application/problem+json");
            }
        }
    }

    private String draft() {
        HttpResponse<String> created = editor.post("/api/v1/products", product("NATIONAL", null));
        return Json.parse(created.body()).get("productId").asString();
    }

    private String draftWithKhmer() {
        String id = draft();
        editor.post("/api/v1/products/" + id + "/variants", "{\"language\":\"km\"}");
        return id;
    }

    private static String variant(String product, String language) {
        return "/api/v1/products/" + product + "/variants/" + language;
    }

    private static String product(String scope, String province) {
        return "{\"info\":{\"type\":\"POSTER\",\"topics\":[\"HOUSEHOLD_HI\"],\"scope\":\"" + scope + "\""
                + (province == null ? "" : ",\"province\":\"" + province + "\"") + "},"
                + "\"content\":{\"title\":\"Áp phích BHYT hộ gia đình " + UUID.randomUUID() + "\"}}";
    }

    private HttpResponse<String> edit(ApiClient client, String product) {
        String etag = admin.get(variant(product, "vi")).headers().firstValue("ETag").orElseThrow();
        return put(client, variant(product, "vi"), "{\"title\":\"Áp phích đã sửa\"}", etag);
    }

    private HttpResponse<String> transition(ApiClient client, String product, String action) {
        String etag = admin.get(variant(product, "vi")).headers().firstValue("ETag").orElseThrow();
        return send(client, request(client, variant(product, "vi") + "/transitions").header("If-Match", etag)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"" + action + "\"}")));
    }

    private HttpResponse<String> get(ApiClient client, String path) {
        return send(client, request(client, path).GET());
    }

    private HttpResponse<String> post(ApiClient client, String path, String json) {
        return send(client, request(client, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> put(ApiClient client, String path, String json, String etag) {
        HttpRequest.Builder request = request(client, path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        if (etag != null) {
            request.header("If-Match", etag);
        }
        return send(client, request);
    }

    private HttpRequest.Builder request(ApiClient client, String path) {
        return client == null
                ? HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
                : client.request(path);
    }

    private HttpResponse<String> send(ApiClient client, HttpRequest.Builder request) {
        return (client == null ? admin : client).send(request);
    }
}
