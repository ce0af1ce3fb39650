package vn.bhxh.cms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.bhxh.cms.elasticsearch.IndexInitializer;

/**
 * Every kind of malformed input, sent to the write endpoints: each answer is a problem+json in Vietnamese (English when
 * asked) that names the field and what is expected, shows no internals, and nothing was changed.
 */
@CmsIntegrationTest
class BadInputApiTest {

    /** What no answer may show: class and library names, parser settings, stack traces. */
    private static final List<String> INTERNALS = List.of("tools.jackson", "com.fasterxml", "java.", "vn.bhxh", "Exception",
            "DeserializationFeature", "springframework", "\tat ", "must match", "Failed to read", "Bad Request",
            "Validation failure", "No static resource");

    @LocalServerPort
    int port;

    @Autowired
    IndexInitializer indices;

    ApiClient admin;
    String productId;
    String product;
    String variant;
    String user;
    String target;

    @BeforeEach
    void writableResources() {
        Await.until(indices::isReady, Duration.ofSeconds(30), "indices created");
        admin = new ApiClient(port, CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = admin.post("/api/v1/products", "{\"info\":{\"type\":\"LEAFLET\",\"topics\":[\"VOLUNTARY_SI\"]},"
                + "\"content\":{\"title\":\"Tờ rơi " + suffix + "\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        productId = Json.parse(created.body()).get("productId").asString();
        product = "/api/v1/products/" + productId;
        variant = product + "/variants/vi";
        assertThat(admin.post(product + "/variants", "{\"language\":\"tyz\"}").statusCode()).isEqualTo(201);
        user = "/api/v1/users/nhap-sai-" + suffix;
        TestUsers.ensure(port, admin, "nhap-sai-" + suffix, "[\"EDITOR\"]", "{}");
        target = "/api/v1/targets/nhap-sai-" + suffix;
        assertThat(admin.post("/api/v1/targets", "{\"id\":\"nhap-sai-" + suffix + "\",\"channel\":\"APP_FEED\",\"name\":\"Bảng tin\"}")
                .statusCode()).isEqualTo(201);
    }

    @Test
    void everyKindOfBadInputToEveryWriteEndpointIsAFieldNamingVietnameseProblemAndChangesNothing() {
        Map<String, String> before = versions();
        List<String> failures = new ArrayList<>();

        // Malformed JSON: line and column.
        for (String[] write : writes()) {
            expect(failures, write[0], write[1], "{\"title\": \"x\",,}", "dòng 1, cột");
        }
        // An unknown enum value, with the allowed ones.
        expect(failures, "POST", "/api/v1/products", "{\"info\":{\"type\":\"BANNER\"},\"content\":{\"title\":\"x\"}}",
                "info.type", "LEAFLET");
        expect(failures, "PUT", product, "{\"type\":\"BANNER\"}", "type", "LEAFLET");
        expect(failures, "POST", variant + "/transitions", "{\"action\":\"PUBLISH_NOW\"}", "action", "SUBMIT");
        expect(failures, "POST", "/api/v1/users", "{\"username\":\"abc-def\",\"displayName\":\"A\",\"password\":\"mot-mat-khau-dai\","
                + "\"roles\":[\"BOSS\"]}", "roles", "EDITOR");
        expect(failures, "PUT", target, "{\"channel\":\"TIKTOK\",\"name\":\"x\"}", "channel", "FACEBOOK");
        // An unreadable date or time, with the expected format.
        expect(failures, "PUT", product, "{\"type\":\"LEAFLET\",\"effectiveFrom\":\"mùng 1 tháng 7\"}", "effectiveFrom", "yyyy-MM-dd");
        expect(failures, "POST", "/api/v1/schedules", "{\"productId\":\"" + productId + "\",\"language\":\"vi\",\"targets\":[\"vssid\"],"
                + "\"publishAt\":\"ngày mai 7 giờ\"}", "publishAt", "yyyy-MM-ddTHH:mm");
        // A wrong type and a missing required field.
        expect(failures, "POST", user + "/tokens", "{\"name\":\"x\",\"validDays\":\"ba mươi\"}", "validDays",
                "số nguyên");
        expect(failures, "PUT", user, "{\"roles\":[\"EDITOR\"]}", "enabled", "bắt buộc");
        expect(failures, "POST", "/api/v1/assets/bundles", "{\"items\":[{\"assetId\":\"a\",\"product\":\"p\",\"language\":\"vi\"}]}",
                "items[0].version", "bắt buộc");
        expect(failures, "PUT", variant + "/translation", "{\"productId\":\"" + productId + "\",\"targetLanguage\":\"vi\"}",
                "sourceRevision", "bắt buộc");
        // Unknown codes of the reference data.
        expect(failures, "POST", product + "/variants", "{\"language\":\"xx\"}", "language", "xx");
        expect(failures, "POST", product + "/variants", "{\"language\":\"klingon\"}", "language", "định dạng");
        expect(failures, "PUT", product, "{\"type\":\"LEAFLET\",\"topics\":[\"KHONG_CO_CHU_DE\"]}", "topics", "KHONG_CO_CHU_DE");
        expect(failures, "PUT", product, "{\"type\":\"LEAFLET\",\"audiences\":[\"99.9\"]}", "audiences", "99.9");
        expect(failures, "PUT", product, "{\"type\":\"LEAFLET\",\"campaign\":\"TET-2099\"}", "campaign", "TET-2099");
        expect(failures, "PUT", product, "{\"type\":\"LEAFLET\",\"ownerUnit\":\"BAN-MOI\"}", "ownerUnit", "BAN-MOI");
        expect(failures, "PUT", user, "{\"roles\":[\"PROVINCIAL_STAFF\"],\"scopes\":{\"province\":\"Lào Cai\"},\"enabled\":true}",
                "scopes.province", "Lào Cai");
        expect(failures, "PUT", user, "{\"roles\":[\"TRANSLATOR\"],\"scopes\":{\"languages\":[\"klingon\"]},\"enabled\":true}",
                "scopes.languages", "klingon");
        expect(failures, "PUT", target, "{\"name\":\"Bảng tin\",\"province\":\"LC\"}", "province", "LC");
        // Limits, missing parameters and unknown routes.
        expectGet(failures, "/api/v1/search?size=100000", 400, "size", "100");
        expectGet(failures, variant + "/diff?to=1", 400, "from", "bắt buộc");
        expectGet(failures, "/api/v1/audit?from=hom-qua", 400, "from", "ISO 8601");
        expect(failures, "POST", "/api/v1/assets?productType=INFOGRAPHIC", "x", "fileName", "bắt buộc");
        expectGet(failures, "/api/v1/khong-co-dau", 404, "/api/v1/khong-co-dau", "không có địa chỉ");

        assertThat(failures).isEmpty();
        assertThat(versions()).isEqualTo(before);
    }

    @Test
    void englishWhenAskedAndStillNamingTheField() {
        HttpResponse<String> english = admin.send(admin.request(product).header("Accept-Language", "en")
                .header("If-Match", etag(product)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"type\":\"LEAFLET\",\"topics\":[\"KHONG_CO_CHU_DE\"]}")));

        assertThat(english.statusCode()).isEqualTo(400);
        assertThat(Json.parse(english.body()).get("detail").asString()).contains("topics", "KHONG_CO_CHU_DE", "topics list");
    }

    @Test
    void writableResourcesCarryETagsAndWritesNeedIfMatch() {
        for (String resource : List.of(product, variant, user, target, "/api/v1/reference/topics/VOLUNTARY_SI")) {
            assertThat(admin.get(resource).headers().firstValue("ETag")).as(resource).isPresent();
        }
        assertThat(send("PUT", target, "{\"name\":\"Không có If-Match\"}", null).statusCode()).isEqualTo(428);
        assertThat(send("PUT", user, "{\"roles\":[\"EDITOR\"],\"enabled\":true}", null).statusCode()).isEqualTo(428);
        assertThat(send("PUT", "/api/v1/reference/topics/VOLUNTARY_SI", "{\"nameVi\":\"Thử\"}", null).statusCode()).isEqualTo(428);

        String stale = etag(product);
        assertThat(send("PUT", product, "{\"type\":\"POSTER\"}", stale).statusCode()).isEqualTo(200);
        HttpResponse<String> conflict = send("PUT", product, "{\"type\":\"SLOGAN\"}", stale);
        assertThat(conflict.statusCode()).isEqualTo(412);
        JsonNode problem = Json.parse(conflict.body());
        assertThat(problem.get("currentVersion").asString()).isEqualTo(etag(product));
        assertThat(conflict.headers().firstValue("ETag")).hasValue(etag(product));
        assertThat(conflict.body()).doesNotContain("search", "\"current\"", "POSTER");

        String userVersion = etag(user);
        assertThat(send("PUT", user, "{\"roles\":[\"EDITOR\",\"REVIEWER\"],\"enabled\":true}", userVersion).statusCode()).isEqualTo(200);
        assertThat(send("PUT", user, "{\"roles\":[\"EDITOR\"],\"enabled\":false}", userVersion).statusCode()).isEqualTo(412);
        String targetVersion = etag(target);
        assertThat(send("PUT", target, "{\"name\":\"Bảng tin mới\"}", targetVersion).statusCode()).isEqualTo(200);
        assertThat(send("PUT", target, "{\"name\":\"Bảng tin cũ\"}", targetVersion).statusCode()).isEqualTo(412);
        assertThat(admin.get(target).body()).contains("Bảng tin mới");
    }

    /** Endpoint and method of the JSON writes, each with its current If-Match. */
    private List<String[]> writes() {
        return List.of(new String[] {"POST", "/api/v1/products"}, new String[] {"PUT", product},
                new String[] {"POST", product + "/variants"}, new String[] {"PUT", variant},
                new String[] {"POST", variant + "/transitions"}, new String[] {"POST", variant + "/confirm-source"},
                new String[] {"PUT", variant + "/translation"}, new String[] {"POST", "/api/v1/users"}, new String[] {"PUT", user},
                new String[] {"POST", user + "/tokens"}, new String[] {"PUT", "/api/v1/reference/topics/VOLUNTARY_SI"},
                new String[] {"POST", "/api/v1/targets"}, new String[] {"PUT", target},
                new String[] {"PUT", "/api/v1/templates/vi/facebook/message"}, new String[] {"POST", "/api/v1/schedules"},
                new String[] {"POST", "/api/v1/assets/bundles"});
    }

    private void expect(List<String> failures, String method, String path, String body, String... mentions) {
        String ifMatch = method.equals("PUT") || path.contains("/transitions") || path.contains("confirm-source") ? etag(path) : null;
        check(failures, method + " " + path + " " + body, send(method, path, body, ifMatch), 400, mentions);
    }

    private void expectGet(List<String> failures, String path, int status, String... mentions) {
        check(failures, "GET " + path, admin.get(path), status, mentions);
    }

    private static void check(List<String> failures, String call, HttpResponse<String> response, int status, String... mentions) {
        String body = response.body();
        if (response.statusCode() != status) {
            failures.add(call + ": status " + response.statusCode() + " " + body);
            return;
        }
        if (!response.headers().firstValue("Content-Type").orElse("").equals("application/problem+json")) {
            failures.add(call + ": not problem+json " + response.headers().firstValue("Content-Type"));
            return;
        }
        JsonNode problem = Json.parse(body);
        String detail = problem.get("detail").asString();
        if (!problem.get("title").asString().matches(".*[À-ỹđĐ].*")) {
            failures.add(call + ": title not Vietnamese: " + body);
        }
        for (String mention : mentions) {
            if (!detail.contains(mention)) {
                failures.add(call + ": detail does not mention " + mention + ": " + detail);
            }
        }
        for (String internal : INTERNALS) {
            if (body.contains(internal)) {
                failures.add(call + ": shows " + internal + ": " + body);
            }
        }
    }

    private HttpResponse<String> send(String method, String path, String body, String ifMatch) {
        HttpRequest.Builder request = admin.request(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return admin.send(request);
    }

    private String etag(String path) {
        String resource = path.replaceAll("/(transitions|confirm-source|translation)$", "");
        if (resource.startsWith("/api/v1/templates")) {
            return "\"0-0\"";
        }
        return admin.get(resource).headers().firstValue("ETag").orElse("\"0-0\"");
    }

    /** The ETags of everything the bad requests aimed at: equal before and after means nothing was written. */
    private Map<String, String> versions() {
        Map<String, String> versions = new LinkedHashMap<>();
        for (String resource : List.of(product, variant, product + "/variants/tyz", user, target,
                "/api/v1/reference/topics/VOLUNTARY_SI")) {
            versions.put(resource, admin.get(resource).headers().firstValue("ETag").orElse("none"));
        }
        versions.put("variants", String.valueOf(Json.parse(admin.get(product).body()).get("variants").size()));
        return versions;
    }
}
