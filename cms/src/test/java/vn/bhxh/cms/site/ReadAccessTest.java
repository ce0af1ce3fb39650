package vn.bhxh.cms.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import tools.jackson.databind.JsonNode;
import vn.bhxh.cms.ApiClient;
import vn.bhxh.cms.Await;
import vn.bhxh.cms.CmsIntegrationTest;
import vn.bhxh.cms.Json;
import vn.bhxh.cms.TestImages;
import vn.bhxh.cms.TestUsers;
import vn.bhxh.cms.elasticsearch.IndexInitializer;

/**
 * Issue 12, point 1: a reader without a working role on a product (provincial staff) reaches only variants released now,
 * national ones and local ones of their own province, on every way to content: API reads, search, asset metadata,
 * content, thumbnails, renditions, bundles, previews, the catalogue pages, signed-in file downloads and public media.
 * Editors keep seeing everything. Over real HTTP against the real application and Elasticsearch.
 */
@CmsIntegrationTest
class ReadAccessTest {

    @LocalServerPort
    int port;

    @Autowired
    IndexInitializer indices;

    ApiClient admin;
    ApiClient author;
    ApiClient reviewer;
    ApiClient approver;
    /** Reader: provincial staff of Cao Bằng (the local products below are Cao Bằng's), of Hà Nội, and another editor. */
    final Map<String, ApiClient> readers = new LinkedHashMap<>();
    final Map<String, WebClient> browsers = new LinkedHashMap<>();

    @BeforeEach
    void users() {
        Await.until(indices::isReady, Duration.ofSeconds(120), "indices created");
        admin = new ApiClient(port, CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD);
        author = TestUsers.ensure(port, admin, "ra-bien-tap", "[\"EDITOR\"]", "{}");
        reviewer = TestUsers.ensure(port, admin, "ra-tham-dinh", "[\"REVIEWER\"]", "{}");
        approver = TestUsers.ensure(port, admin, "ra-lanh-dao", "[\"APPROVER\"]", "{}");
        readers.put("own province", TestUsers.ensure(port, admin, "ra-tinh-cb", "[\"PROVINCIAL_STAFF\"]", "{\"province\":\"CB\"}"));
        readers.put("other province", TestUsers.ensure(port, admin, "ra-tinh-hn", "[\"PROVINCIAL_STAFF\"]", "{\"province\":\"HN\"}"));
        readers.put("editor", TestUsers.ensure(port, admin, "ra-bien-tap-2", "[\"EDITOR\"]", "{}"));
        Map<String, String> usernames = Map.of("own province", "ra-tinh-cb", "other province", "ra-tinh-hn", "editor", "ra-bien-tap-2");
        usernames.forEach((reader, username) -> {
            WebClient browser = new WebClient(port);
            assertThat(browser.login(username, TestUsers.PASSWORD).headers().firstValue("Location").orElse(""))
                    .doesNotContain("error");
            browsers.put(reader, browser);
        });
    }

    /** One product in one state, with an image and a PDF; what each reader must get (200 or 404) on every route. */
    record Case(String name, String productId, String image, String pdf, boolean released, Map<String, Integer> expected) {
    }

    @Test
    void readersWithoutAWorkingRoleReachOnlyWhatIsReleasedNowOnEveryRoute() {
        String marker = "ra" + UUID.randomUUID().toString().substring(0, 8);
        List<Case> cases = new ArrayList<>();
        cases.add(national(marker, "draft", List.of(), 404));
        cases.add(national(marker, "in review", List.of("SUBMIT"), 404));
        cases.add(national(marker, "reviewed", List.of("SUBMIT", "REVIEW"), 404));
        cases.add(national(marker, "approved", List.of("SUBMIT", "REVIEW", "APPROVE"), 200));
        cases.add(national(marker, "published", List.of("SUBMIT", "REVIEW", "APPROVE", "PUBLISH"), 200));
        cases.add(national(marker, "withdrawn", List.of("SUBMIT", "REVIEW", "APPROVE", "WITHDRAW"), 404));
        cases.add(national(marker, "archived", List.of("ARCHIVE"), 404));
        cases.add(local(marker, "local approved", author, List.of("SUBMIT", "REVIEW", "APPROVE"), Map.of("own province", 200,
                "other province", 404, "editor", 200), true));
        cases.add(local(marker, "local draft", author, List.of(), Map.of("own province", 404, "other province", 404, "editor", 200),
                false));
        cases.add(local(marker, "local withdrawn", author, List.of("SUBMIT", "REVIEW", "APPROVE", "WITHDRAW"),
                Map.of("own province", 404, "other province", 404, "editor", 200), false));
        // The province's own work: its author reads it while it is a draft; another province does not.
        cases.add(local(marker, "own province's draft", readers.get("own province"), List.of(),
                Map.of("own province", 200, "other province", 404, "editor", 200), false));

        List<String> mismatches = new ArrayList<>();
        for (Case c : cases) {
            String vi = "/api/v1/products/" + c.productId() + "/variants/vi";
            for (String reader : readers.keySet()) {
                ApiClient api = readers.get(reader);
                WebClient browser = browsers.get(reader);
                int expected = c.expected().get(reader);
                Function<String, String> row = route -> c.name() + " / " + reader + " / " + route;
                check(mismatches, row.apply("product"), expected, api.get("/api/v1/products/" + c.productId()).statusCode());
                check(mismatches, row.apply("variant"), expected, api.get(vi).statusCode());
                check(mismatches, row.apply("previews"), expected, api.get(vi + "/previews").statusCode());
                check(mismatches, row.apply("print preview PDF"), expected, api.get(vi + "/previews/print/pdf").statusCode());
                check(mismatches, row.apply("asset metadata"), expected, api.get("/api/v1/assets/" + c.image()).statusCode());
                check(mismatches, row.apply("asset content"), expected, api.get("/api/v1/assets/" + c.pdf() + "/content").statusCode());
                check(mismatches, row.apply("asset thumbnail"), expected,
                        api.get("/api/v1/assets/" + c.image() + "/thumbnails/small").statusCode());
                check(mismatches, row.apply("asset rendition"), expected,
                        api.get("/api/v1/assets/" + c.image() + "/renditions/square").statusCode());
                check(mismatches, row.apply("bundle"), expected, api.post("/api/v1/assets/bundles",
                        "{\"title\":\"Gói\",\"items\":[{\"assetId\":\"" + c.pdf() + "\",\"product\":\"Tờ rơi\",\"language\":\"vi\","
                                + "\"version\":1}]}").statusCode());
                check(mismatches, row.apply("search"), expected,
                        api.get("/api/v1/search?q=" + marker + "&size=50").body().contains(c.productId()) ? 200 : 404);
                check(mismatches, row.apply("catalogue page"), expected, browser.get("/catalogue/" + c.productId() + "/vi").statusCode());
                check(mismatches, row.apply("catalogue search"), expected,
                        browser.get("/catalogue?q=" + marker).body().contains(c.productId()) ? 200 : 404);
                check(mismatches, row.apply("file download"), expected, browser.get("/files/" + c.pdf()).statusCode());
                check(mismatches, row.apply("file thumbnail"), expected,
                        browser.get("/files/" + c.image() + "/thumbnails/small").statusCode());
                check(mismatches, row.apply("catalogue bundle"), expected, browser.postForm("/catalogue/" + c.productId() + "/vi/bundle",
                        Map.of("assetId", c.pdf(), "_csrf", browser.csrf("/catalogue"))).statusCode());
            }
            check(mismatches, c.name() + " / anonymous / public media", c.released() ? 200 : 404,
                    admin.getAnonymously("/api/v1/media/" + c.image() + "/anh.png").statusCode());
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void aWithdrawnFileLeavesTheDownloadHistoryLinkAndPublicMediaAtOnce() {
        ApiClient staff = readers.get("own province");
        WebClient browser = browsers.get("own province");
        Case leaflet = national("rw" + UUID.randomUUID().toString().substring(0, 8), "approved",
                List.of("SUBMIT", "REVIEW", "APPROVE"), 200);
        String publicImage = "/api/v1/media/" + leaflet.image() + "/anh.png";
        HttpResponse<String> fetched = admin.getAnonymously(publicImage);
        assertThat(fetched.statusCode()).isEqualTo(200);
        // Every cache asks again before reusing the file, so a withdrawal is not outlived by a cached copy.
        assertThat(fetched.headers().firstValue("Cache-Control")).hasValue("public, no-cache");
        String etag = fetched.headers().firstValue("ETag").orElseThrow();
        assertThat(browser.get("/files/" + leaflet.pdf()).statusCode()).isEqualTo(200);
        String history = browser.get("/downloads").body();
        assertThat(history).contains("href=\"/files/" + leaflet.pdf() + "\"");

        String vi = "/api/v1/products/" + leaflet.productId() + "/variants/vi";
        assertThat(transition(approver, vi, "WITHDRAW", "Quy định đã thay đổi").statusCode()).isEqualTo(200);

        assertThat(browser.get("/files/" + leaflet.pdf()).statusCode()).isEqualTo(404);
        assertThat(staff.get("/api/v1/assets/" + leaflet.pdf() + "/content").statusCode()).isEqualTo(404);
        assertThat(admin.getAnonymously(publicImage).statusCode()).isEqualTo(404);
        // A cache revalidating its copy is refused too, not told "304 still fresh".
        assertThat(admin.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + publicImage))
                .header("If-None-Match", etag).GET()).statusCode()).isEqualTo(404);
        String after = browser.get("/downloads").body();
        assertThat(after).doesNotContain("href=\"/files/" + leaflet.pdf() + "\"").contains("Tờ rơi.pdf", "không còn được cung cấp");
    }

    private Case national(String marker, String name, List<String> steps, int provincial) {
        Map<String, Integer> expected = Map.of("own province", provincial, "other province", provincial, "editor", 200);
        return build(marker, name, author, "\"scope\":\"NATIONAL\"", steps, expected, provincial == 200);
    }

    private Case local(String marker, String name, ApiClient creator, List<String> steps, Map<String, Integer> expected,
            boolean released) {
        return build(marker, name, creator, "\"scope\":\"LOCAL\",\"province\":\"CB\"", steps, expected, released);
    }

    private Case build(String marker, String name, ApiClient creator, String scope, List<String> steps, Map<String, Integer> expected,
            boolean released) {
        String image = upload(creator, "INFOGRAPHIC", "anh.png", "image/png", TestImages.png(400, 300));
        String pdf = upload(creator, "PRINT_MASTER", "Tờ rơi.pdf", "application/pdf", pdf("To roi " + marker));
        HttpResponse<String> created = creator.post("/api/v1/products", "{\"info\":{\"type\":\"LEAFLET\",\"topics\":[\"VOLUNTARY_SI\"],"
                + "\"audiences\":[\"3.1\"]," + scope + "},\"content\":{\"title\":" + Json.quote("Tờ rơi " + name + " " + marker)
                + ",\"summary\":\"Tờ rơi tuyên truyền\",\"body\":\"<p>Nội dung</p>\",\"assets\":[{\"assetId\":\"" + image
                + "\",\"role\":\"image\"},{\"assetId\":\"" + pdf + "\",\"role\":\"print-master\"}]}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = Json.parse(created.body()).get("productId").asString();
        String vi = "/api/v1/products/" + id + "/variants/vi";
        for (String step : steps) {
            ApiClient actor = switch (step) {
                case "REVIEW" -> reviewer;
                case "APPROVE", "WITHDRAW" -> approver;
                default -> author;
            };
            HttpResponse<String> moved = transition(actor, vi, step, step.equals("WITHDRAW") ? "Thu hồi để sửa" : null);
            assertThat(moved.statusCode()).as(name + " " + step + ": " + moved.body()).isEqualTo(200);
        }
        return new Case(name, id, image, pdf, released, expected);
    }

    static String upload(ApiClient client, String productType, String fileName, String type, byte[] content) {
        HttpResponse<String> response = client.send(client.request("/api/v1/assets?productType=" + productType + "&fileName="
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode asset = Json.parse(response.body());
        return asset.get("id").asString();
    }

    private static byte[] pdf(String text) {
        try {
            return TestPdf.bytes(text, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> transition(ApiClient client, String variant, String action, String comment) {
        String etag = admin.get(variant).headers().firstValue("ETag").orElseThrow();
        String body = "{\"action\":\"" + action + "\"" + (comment == null ? "" : ",\"comment\":" + Json.quote(comment)) + "}";
        return client.send(client.request(variant + "/transitions").header("If-Match", etag)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static void check(List<String> mismatches, String row, int expected, int actual) {
        if (expected != actual) {
            mismatches.add(row + ": expected " + expected + ", got " + actual);
        }
    }
}
