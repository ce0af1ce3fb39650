package vn.bhxh.cms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import vn.bhxh.cms.elasticsearch.IndexInitializer;

/**
 * Issue 12, point 10: every write endpoint of the API (POST, PUT, PATCH and DELETE under {@code /api/v1}, taken from the
 * application's own route list) gets each kind of malformed input that its input can carry. Each answer is a 400
 * problem+json in Vietnamese naming the field and what is expected, shows no internals, and the resource read before
 * and after is unchanged. An endpoint without an entry in {@link #endpoints()} fails the test, naming it; a kind that
 * cannot apply to an endpoint is written down with the reason.
 */
@CmsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WriteEndpointBadInputTest {

    enum Kind { MALFORMED_JSON, UNKNOWN_ENUM, UNREADABLE_DATE, WRONG_TYPE, MISSING_FIELD, UNKNOWN_CODE, OVER_LIMIT }

    /** What no answer may show: class and library names, parser settings, stack traces. */
    private static final List<String> INTERNALS = List.of("tools.jackson", "com.fasterxml", "java.", "vn.bhxh", "Exception",
            "DeserializationFeature", "springframework", "\tat ", "must match", "Failed to read", "Bad Request",
            "Validation failure", "No static resource", "must not");

    private static final String MALFORMED = "{\"title\": \"x\",,}";
    private static final String MALFORMED_LIST = "[{\"code\": \"x\",,}]";
    private static final String PROVINCE_IN_PATH = "the province is a path segment: an unknown one answers 404";
    private static final String LONG = "x".repeat(300_001);

    @LocalServerPort
    int port;

    @Autowired
    IndexInitializer indices;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    ApiClient admin;
    String productId;
    String username;
    String target;
    String token;
    String upload;

    @BeforeAll
    void writableResources() {
        Await.until(indices::isReady, Duration.ofSeconds(120), "indices created");
        admin = new ApiClient(port, CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = admin.post("/api/v1/products", "{\"info\":{\"type\":\"LEAFLET\",\"topics\":[\"VOLUNTARY_SI\"]},"
                + "\"content\":{\"title\":\"Tờ rơi " + suffix + "\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        productId = Json.parse(created.body()).get("productId").asString();
        assertThat(admin.post("/api/v1/products/" + productId + "/variants", "{\"language\":\"tyz\"}").statusCode()).isEqualTo(201);
        username = "nhap-sai-" + suffix;
        TestUsers.ensure(port, admin, username, "[\"EDITOR\"]", "{}");
        HttpResponse<String> issued = admin.post("/api/v1/users/" + username + "/tokens", "{\"name\":\"thử\",\"validDays\":30}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        token = Json.parse(issued.body()).get("id").asString();
        target = "nhap-sai-" + suffix;
        assertThat(admin.post("/api/v1/targets", "{\"id\":\"" + target + "\",\"channel\":\"APP_FEED\",\"name\":\"Bảng tin\"}")
                .statusCode()).isEqualTo(201);
        HttpResponse<String> report = admin.post("/api/v1/reports", "{\"province\":\"CB\",\"period\":\"2026-05\"}");
        assertThat(report.statusCode()).as(report.body()).isIn(201, 409);
        HttpResponse<String> started = admin.send(admin.request("/api/v1/uploads?productType=INFOGRAPHIC").header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", "10").POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(started.statusCode()).isEqualTo(201);
        upload = started.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
    }

    // ---------------------------------------------------------------- the cases

    /** One bad request: its kind, the query and body it sends, and what the answer's detail must name. */
    record Case(Kind kind, String path, String query, String body, String contentType, List<String> headers, List<String> mentions,
            int status) {

        Case withStatus(int other) {
            return new Case(kind, path, query, body, contentType, headers, mentions, other);
        }
    }

    /**
     * A write endpoint: the resource read before and after (its ETag or its body must not change), its cases, and the
     * kinds that cannot apply to it with the reason.
     */
    static final class Endpoint {
        final String key;
        final String witness;
        final List<Case> cases = new ArrayList<>();
        final Map<Kind, String> notApplicable = new EnumMap<>(Kind.class);

        Endpoint(String key, String witness) {
            this.key = key;
            this.witness = witness;
        }

        /** A JSON endpoint: malformed JSON is sent to it whatever else it declares. */
        Endpoint json(Kind kind, String body, String... mentions) {
            cases.add(new Case(kind, null, "", body, "application/json", List.of(), List.of(mentions), 400));
            return this;
        }

        Endpoint query(Kind kind, String query, String body, String contentType, String... mentions) {
            cases.add(new Case(kind, null, query, body, contentType, List.of(), List.of(mentions), 400));
            return this;
        }

        /** A request with these headers (name, value, …) and no body. */
        Endpoint headers(Kind kind, String query, List<String> headers, String... mentions) {
            cases.add(new Case(kind, null, query, null, null, headers, List.of(mentions), 400));
            return this;
        }

        /** A path variable that cannot be read: the concrete path to send. */
        Endpoint path(String path, Kind kind, String... mentions) {
            cases.add(new Case(kind, path, "", null, null, List.of(), List.of(mentions), 400));
            return this;
        }

        /** The last case is answered with another status than 400 (a refused file: 413, 415), still a named problem. */
        Endpoint answered(int status) {
            cases.set(cases.size() - 1, cases.getLast().withStatus(status));
            return this;
        }

        Endpoint none(String reason, Kind... kinds) {
            for (Kind kind : kinds) {
                notApplicable.put(kind, reason);
            }
            return this;
        }
    }

    private static final String NO_DATE = "no date or time in its input";
    private static final String NO_ENUM = "no field with a fixed set of values";
    private static final String NO_CODE = "no reference-data code in its input";
    private static final String NO_BODY = "no body: the path names the resource (an unknown one answers 404)";

    private Map<String, Endpoint> endpoints() {
        String product = "/api/v1/products/" + productId;
        String variant = product + "/variants/vi";
        String user = "/api/v1/users/" + username;
        String targetPath = "/api/v1/targets/" + target;
        String reference = "/api/v1/reference/topics/VOLUNTARY_SI";
        String template = "/api/v1/templates/vi/facebook/message";
        String report = "/api/v1/reports/CB/2026-05";
        Map<String, Endpoint> all = new LinkedHashMap<>();
        java.util.function.BiFunction<String, String, Endpoint> add = (key, witness) -> {
            Endpoint endpoint = new Endpoint(key, witness);
            all.put(key, endpoint);
            return endpoint;
        };

        add.apply("POST /api/v1/products", product)
                .json(Kind.MALFORMED_JSON, MALFORMED, "dòng 1, cột")
                .json(Kind.UNKNOWN_ENUM, "{\"info\":{\"type\":\"BANNER\"},\"content\":{\"title\":\"x\"}}", "info.type", "LEAFLET")
                .json(Kind.UNREADABLE_DATE, "{\"info\":{\"type\":\"LEAFLET\",\"effectiveFrom\":\"mùng 1 tháng 7\"},\"content\":{\"title\":\"x\"}}",
                        "info.effectiveFrom", "yyyy-MM-dd")
                .json(Kind.WRONG_TYPE, "{\"info\":\"tờ rơi\",\"content\":{\"title\":\"x\"}}", "info")
                .json(Kind.MISSING_FIELD, "{\"info\":{\"type\":\"LEAFLET\"}}", "content")
                .json(Kind.UNKNOWN_CODE, "{\"info\":{\"type\":\"LEAFLET\",\"topics\":[\"KHONG_CO\"]},\"content\":{\"title\":\"x\"}}",
                        "topics", "KHONG_CO")
                .json(Kind.OVER_LIMIT, "{\"info\":{\"type\":\"LEAFLET\"},\"content\":{\"title\":\"" + "x".repeat(301) + "\"}}",
                        "content.title", "300");
        add.apply("PUT /api/v1/products/{id}", product)
                .json(Kind.MALFORMED_JSON, MALFORMED, "dòng 1, cột")
                .json(Kind.UNKNOWN_ENUM, "{\"type\":\"BANNER\"}", "type", "LEAFLET")
                .json(Kind.UNREADABLE_DATE, "{\"type\":\"LEAFLET\",\"effectiveFrom\":\"mùng 1 tháng 7\"}", "effectiveFrom", "yyyy-MM-dd")
                .json(Kind.WRONG_TYPE, "{\"type\":\"LEAFLET\",\"topics\":{\"a\":1}}", "topics")
                .json(Kind.MISSING_FIELD, "{\"topics\":[\"VOLUNTARY_SI\"]}", "type")
                .json(Kind.UNKNOWN_CODE, "{\"type\":\"LEAFLET\",\"audiences\":[\"99.9\"]}", "audiences", "99.9")
                .json(Kind.OVER_LIMIT, "{\"type\":\"LEAFLET\",\"province\":\"" + "x".repeat(21) + "\"}", "province", "20");
        add.apply("POST /api/v1/products/{id}/variants", product)
                .json(Kind.MALFORMED_JSON, MALFORMED, "dòng 1, cột")
                .json(Kind.WRONG_TYPE, "{\"language\":[\"km\"]}", "language")
                .json(Kind.MISSING_FIELD, "{}", "language")
                .json(Kind.UNKNOWN_CODE, "{\"language\":\"xx\"}", "language", "xx")
                .json(Kind.OVER_LIMIT, "{\"language\":\"klingon\"}", "language")
                .none(NO_ENUM + " (the language is a code)", Kind.UNKNOWN_ENUM).none(NO_DATE, Kind.UNREADABLE_DATE);
        add.apply("PUT /api/v1/products/{id}/variants/{language}", variant)
                .json(Kind.MALFORMED_JSON, MALFORMED, "dòng 1, cột")
                .json(Kind.WRONG_TYPE, "{\"title\":\"x\",\"assets\":\"anh.png\"}", "assets")
                .json(Kind.MISSING_FIELD, "{\"summary\":\"x\"}", "title")
                .json(Kind.OVER_LIMIT, "{\"title\":\"x\",\"body\":\"" + LONG + "\"}", "body")
                .json(Kind.UNKNOWN_ENUM, "{\"title\":\"x\",\"assets\":[{\"assetId\":\"a\",\"role\":\"" + "r".repeat(100) + "\"}]}",
                        "assets[0].role")
                .none(NO_DATE, Kind.UNREADABLE_DATE).none("file ids are not reference codes (an unknown one is a missing file)",
                        Kind.UNKNOWN_CODE);
        add.apply("POST /api/v1/products/{id}/variants/{language}/files", variant)
                .query(Kind.UNKNOWN_ENUM, "productType=BANNER&fileName=a.png&role=image", "x", "image/png", "productType")
                .query(Kind.MISSING_FIELD, "productType=INFOGRAPHIC&role=image", "x", "image/png", "fileName")
                .query(Kind.OVER_LIMIT, "productType=INFOGRAPHIC&fileName=a.png&role=" + "r".repeat(100), "x", "image/png", "role")
                .none("the body is the file itself, not JSON", Kind.MALFORMED_JSON, Kind.WRONG_TYPE)
                .none(NO_DATE, Kind.UNREADABLE_DATE).none(NO_CODE, Kind.UNKNOWN_CODE);
        add.apply("POST /api/v1/products/{id}/variants/{language}/transitions", variant)
                .json(Kind.MALFORMED_JSON, MALFORMED, "dòng 1, cột")
                .json(Kind.UNKNOWN_ENUM, "{\"action\":\"PUBLISH_NOW\"}", "action", "SUBMIT")
                .json(Kind.WRONG_TYPE, "{\"action\":\"SUBMIT\",\"comment\":{\"a\":1}}", "comment")
                .json(Kind.MISSING_FIELD, "{\"comment\":\"x\"}", "action")
                .json(Kind.OVER_LIMIT, "{\"action\":\"SUBMIT\",\"comment\":\"" + "x".repeat(2001) + "\"}", "comment")
                .none(NO_DATE, Kind.UNREADABLE_DATE).none(NO_CODE, Kind.UNKNOWN_CODE);
        add.apply("POST /api/v1/products/{id}/variants/{language}/confirm-source", product + "/variants/tyz")
                .json(Kind.MALFORMED_JSON, MALFORMED, "dòng 1, cột")
                .json(Kind.WRONG_TYPE, "{\"comment\":[1]}", "comment")
                .json(Kind.OVER_LIMIT, "{\"comment\":\"" + "x".repeat(2001) + "\"}", "comment")
                .none("its one field, the comment, is optional", Kind.MISSING_FIELD)
                .none(NO_ENUM, Kind.UNKNOWN_ENUM).none(NO_DATE, Kind.UNREADABLE_DATE).none(NO_CODE, Kind.UNKNOWN_CODE);
        add.apply("POST /api/v1/products/{id}/variants/{language}/versions/{revision}/restore", variant)
                .path(variant + "/versions/mot/restore", Kind.WRONG_TYPE, "revision")
                .none(NO_BODY, Kind.MALFORMED_JSON, Kind.UNKNOWN_ENUM, Kind.UNREADABLE_DATE, Kind.MISSING_FIELD, Kind.UNKNOWN_CODE,
                        Kind.OVER_LIMIT);
        add.apply("PUT /api/v1/products/{id}/variants/{language}/translation", product + "/variants/tyz")
                .json(Kind.MALFORMED_JSON, MALFORMED, "dòng 1, cột")
                .json(Kind.MISSING_FIELD, "{\"productId\":\"" + productId + "\",\"targetLanguage\":\"tyz\"}", "sourceRevision")
                .json(Kind.WRONG_TYPE, "{\"productId\":\"" + productId + "\",\"targetLanguage\":\"tyz\",\"sourceRevision\":\"một\"}",
                        "sourceRevision")
                .none(NO_ENUM, Kind.UNKNOWN_ENUM).none(NO_DATE, Kind.UNREADABLE_DATE)
                .none("the file names its product and language, checked against the path", Kind.UNKNOWN_CODE)
                .none("the file size limit (see TranslationExchangeTest)", Kind.OVER_LIMIT);
        add.apply("POST /api/v1/assets", null)
                .query(Kind.UNKNOWN_ENUM, "productType=BANNER&fileName=a.png", "x", "image/png", "productType", "INFOGRAPHIC")
                .query(Kind.MISSING_FIELD, "productType=INFOGRAPHIC", "x", "image/png", "fileName")
                .query(Kind.WRONG_TYPE, "productType=INFOGRAPHIC&fileName=a.png", "không phải ảnh", "text/plain", "text/plain", "PNG")
                .answered(415)
                .none("the body is the file itself, not JSON", Kind.MALFORMED_JSON)
                .none("the size limits per kind of file (hundreds of megabytes) are tested in AssetApiTest", Kind.OVER_LIMIT)
                .none(NO_DATE, Kind.UNREADABLE_DATE).none(NO_CODE, Kind.UNKNOWN_CODE);
        add.apply("POST /api/v1/assets/bundles", null)
                .json(Kind.MALFORMED_JSON, MALFORMED, "dòng 1, cột")
                .json(Kind.MISSING_FIELD, "{\"items\":[{\"assetId\":\"a\",\"product\":\"p\",\"language\":\"vi\"}]}", "items[0].version")
                .json(Kind.WRONG_TYPE, "{\"items\":[{\"assetId\":\"a\",\"product\":\"p\",\"language\":\"vi\",\"version\":\"một\"}]}",
                        "items[0].version")
                .none(NO_ENUM, Kind.UNKNOWN_ENUM).none(NO_DATE, Kind.UNREADABLE_DATE)
                .none("file ids are not reference codes (an unknown one answers 404)", Kind.UNKNOWN_CODE)
                .none("a bundle is made while it downloads; its files' own limits apply", Kind.OVER_LIMIT);
        add.apply("POST /api/v1/uploads", null)
                .headers(Kind.UNKNOWN_ENUM, "productType=BANNER", List.of("Tus-Resumable", "1.0.0", "Upload-Length", "10"),
                        "productType", "INFOGRAPHIC")
                .headers(Kind.MISSING_FIELD, "productType=INFOGRAPHIC", List.of("Tus-Resumable", "1.0.0"), "Upload-Length")
                .headers(Kind.WRONG_TYPE, "productType=INFOGRAPHIC", List.of("Tus-Resumable", "1.0.0", "Upload-Length", "muoi"),
                        "Upload-Length")
                .headers(Kind.OVER_LIMIT, "productType=INFOGRAPHIC", List.of("Tus-Resumable", "1.0.0", "Upload-Length", "999999999999"),
                        "tối đa")
                .answered(413)
                .headers(Kind.MALFORMED_JSON, "productType=INFOGRAPHIC", List.of("Tus-Resumable", "1.0.0", "Upload-Length", "10",
                        "Upload-Metadata", "filename khong-phai-base64!"), "Upload-Metadata")
                .none(NO_DATE, Kind.UNREADABLE_DATE).none(NO_CODE, Kind.UNKNOWN_CODE);
        add.apply("PATCH /api/v1/uploads/{id}", null)
                .headers(Kind.MISSING_FIELD, "", List.of("Tus-Resumable", "1.0.0", "Content-Type", "application/offset+octet-stream"),
                        "Upload-Offset")
                .headers(Kind.WRONG_TYPE, "", List.of("Tus-Resumable", "1.0.0", "Content-Type", "application/offset+octet-stream",
                        "Upload-Offset", "dau"), "Upload-Offset")
                .none("the body is the file's next bytes; tus answers 409 for a wrong offset", Kind.MALFORMED_JSON, Kind.OVER_LIMIT)
                .none(NO_ENUM, Kind.UNKNOWN_ENUM).none(NO_DATE, Kind.UNREADABLE_DATE).none(NO_CODE, Kind.UNKNOWN_CODE);
        add.apply("DELETE /api/v1/uploads/{id}", null)
                .none(NO_BODY, Kind.values());

        add.apply("POST /api/v1/reports/org-units/{province}/communes", "/api/v1/reports/org-units/CB/communes")
                .json(Kind.MALFORMED_JSON, MALFORMED_LIST, "dòng 1, cột")
                .json(Kind.WRONG_TYPE, "{\"code\":\"X\",\"name\":\"Xã\"}", "danh sách")
                .json(Kind.MISSING_FIELD, "[{\"name\":\"Xã Mới\"}]", "communes[0]", "Mã xã")
                .json(Kind.OVER_LIMIT, "[{\"code\":\"X1\",\"name\":\"" + "x".repeat(1001) + "\"}]", "communes[0]", "Tên xã", "200")
                .none(PROVINCE_IN_PATH, Kind.UNKNOWN_CODE)
                .none(NO_ENUM, Kind.UNKNOWN_ENUM).none(NO_DATE, Kind.UNREADABLE_DATE);
        add.apply("PUT /api/v1/reports/org-units/{province}/contacts", "/api/v1/reports/org-units/CB/contacts")
                .json(Kind.MALFORMED_JSON, MALFORMED, "dòng 1, cột")
                .json(Kind.WRONG_TYPE, "{\"emails\":{\"a\":1}}", "emails")
                .json(Kind.MISSING_FIELD, "{\"emails\":[\"khong-phai-dia-chi\"]}", "emails[0]")
                .json(Kind.OVER_LIMIT, "{\"emails\":[" + "\"a@b.vn\",".repeat(10) + "\"a@b.vn\"]}", "emails", "10")
                .none(PROVINCE_IN_PATH, Kind.UNKNOWN_CODE)
                .none(NO_ENUM, Kind.UNKNOWN_ENUM).none(NO_DATE, Kind.UNREADABLE_DATE);
        add.apply("POST /api/v1/reports/org-units/{province}/communes/import", "/api/v1/reports/org-units/CB/communes")
                .query(Kind.MISSING_FIELD, "", "code,name\nX9,\n", "text/csv", "2")
                .none("the body is a CSV or XLSX file", Kind.MALFORMED_JSON)
                .query(Kind.WRONG_TYPE, "", "{\"communes\":[\"Xã Hưng Đạo\"]}", "text/plain", "file")
                .none(NO_ENUM, Kind.UNKNOWN_ENUM)
                .none(NO_DATE, Kind.UNREADABLE_DATE).none("the province in the path (see the communes endpoint)", Kind.UNKNOWN_CODE)
                .none("the request size limit applies", Kind.OVER_LIMIT);
        add.apply("POST /api/v1/reports", report)
                .json(Kind.MALFORMED_JSON, MALFORMED, "dòng 1, cột")
                .json(Kind.UNREADABLE_DATE, "{\"province\":\"CB\",\"period\":\"tháng 5\"}", "period")
                .json(Kind.WRONG_TYPE, "{\"province\":[\"CB\"],\"period\":\"2026-05\"}", "province")
                .json(Kind.MISSING_FIELD, "{\"province\":\"CB\"}", "period")
                .json(Kind.UNKNOWN_CODE, "{\"province\":\"LC\",\"period\":\"2026-05\"}", "province", "LC")
                .json(Kind.OVER_LIMIT, "{\"province\":\"CB\",\"period\":\"2026-05-01-02\"}", "period", "10")
                .none(NO_ENUM, Kind.UNKNOWN_ENUM);
        add.apply("PUT /api/v1/reports/{province}/{period}", report)
                .json(Kind.MALFORMED_JSON, MALFORMED, "dòng 1, cột")
                .json(Kind.WRONG_TYPE, "{\"values\":{\"c09\":\"mười\"}}", "c09")
                .json(Kind.UNKNOWN_CODE, "{\"values\":{\"khong_co\":1}}", "khong_co")
                .json(Kind.OVER_LIMIT, "{\"values\":{\"c09\":-1}}", "c09")
                .none("every field is optional (only the given keys change)", Kind.MISSING_FIELD)
                .none(NO_ENUM, Kind.UNKNOWN_ENUM).none(NO_DATE, Kind.UNREADABLE_DATE);
        add.apply("POST /api/v1/reports/{province}/{period}/prefill", report)
                .none(NO_BODY, Kind.values());
        add.apply("POST /api/v1/reports/{province}/{period}/transitions", report)
                .json(Kind.MALFORMED_JSON, MALFORMED, "dòng 1, cột")
                .json(Kind.UNKNOWN_ENUM, "{\"action\":\"DUYET_NGAY\"}", "action", "SUBMIT")
                .json(Kind.WRONG_TYPE, "{\"action\":\"SUBMIT\",\"comment\":{\"a\":1}}", "comment")
                .json(Kind.MISSING_FIELD, "{\"comment\":\"x\"}", "action")
                .json(Kind.OVER_LIMIT, "{\"action\":\"RETURN\",\"comment\":\"" + "x".repeat(20001) + "\"}", "comment")
                .none(NO_DATE, Kind.UNREADABLE_DATE).none(NO_CODE, Kind.UNKNOWN_CODE);
        add.apply("PUT /api/v1/reports/{province}/{period}/import.xlsx", report)
                .query(Kind.WRONG_TYPE, "", "khong phai bang tinh", "application/octet-stream", "file")
                .none("the body is an XLSX file; its cells' errors name sheet, cell, row and column (ReportApiTest)",
                        Kind.MALFORMED_JSON, Kind.UNKNOWN_ENUM, Kind.UNREADABLE_DATE, Kind.MISSING_FIELD, Kind.UNKNOWN_CODE, Kind.OVER_LIMIT);
        add.apply("POST /api/v1/reports/broadcasts/{province}", "/api/v1/reports/broadcasts/CB?from=2026-01-01&to=2026-12-31")
                .json(Kind.MALFORMED_JSON, MALFORMED_LIST, "dòng 1, cột")
                .json(Kind.UNREADABLE_DATE, "[{\"commune\":\"X1\",\"date\":\"hôm qua\",\"times\":1}]", "entries[0].date")
                .json(Kind.WRONG_TYPE, "[{\"commune\":\"X1\",\"date\":\"2026-05-04\",\"times\":\"một\"}]", "times")
                .json(Kind.MISSING_FIELD, "[{\"date\":\"2026-05-04\",\"times\":1}]", "entries[0].commune")
                .json(Kind.UNKNOWN_CODE, "[{\"commune\":\"KHONG_CO\",\"date\":\"2026-05-04\",\"times\":1}]", "entries[0].commune", "KHONG_CO")
                .json(Kind.OVER_LIMIT, "[{\"commune\":\"X1\",\"date\":\"2026-05-04\",\"times\":100000}]", "entries[0].times")
                .none(NO_ENUM, Kind.UNKNOWN_ENUM);
        add.apply("POST /api/v1/reports/broadcasts/{province}/import", "/api/v1/reports/broadcasts/CB?from=2026-01-01&to=2026-12-31")
                .query(Kind.UNREADABLE_DATE, "", "commune,date,product,times\nX1,hôm qua,,1\n", "text/csv", "hôm qua")
                .query(Kind.UNKNOWN_CODE, "", "commune,date,product,times\nKHONG_CO,2026-05-04,,1\n", "text/csv", "KHONG_CO")
                .query(Kind.WRONG_TYPE, "", "commune,date,product,times\nX1,2026-05-04,,một\n", "text/csv", "2")
                .query(Kind.MISSING_FIELD, "", "commune,date,product,times\n,2026-05-04,,1\n", "text/csv", "2")
                .none("the body is a CSV file", Kind.MALFORMED_JSON).none(NO_ENUM, Kind.UNKNOWN_ENUM)
                .none("the request size limit applies", Kind.OVER_LIMIT);

        add.apply("PUT /api/v1/reference/{kind}/{code}", reference)
                .json(Kind.MALFORMED_JSON, MALFORMED, "dòng 1, cột")
                .json(Kind.UNREADABLE_DATE, "{\"nameVi\":\"Thử\",\"startMonthDay\":\"mùng 1 tháng 5\"}", "startMonthDay")
                .json(Kind.WRONG_TYPE, "{\"nameVi\":\"Thử\",\"order\":\"một\"}", "order")
                .json(Kind.MISSING_FIELD, "{\"nameEn\":\"Try\"}", "nameVi")
                .json(Kind.OVER_LIMIT, "{\"nameVi\":\"" + "x".repeat(301) + "\"}", "nameVi", "300")
                .none("the kind is a path segment (an unknown one answers 404); the code in the path is the one created",
                        Kind.UNKNOWN_CODE)
                .none(NO_ENUM, Kind.UNKNOWN_ENUM);

        add.apply("POST /api/v1/schedules", product)
                .json(Kind.MALFORMED_JSON, MALFORMED, "dòng 1, cột")
                .json(Kind.UNREADABLE_DATE, "{\"productId\":\"" + productId + "\",\"language\":\"vi\",\"targets\":[\"" + target
                        + "\"],\"publishAt\":\"ngày mai 7 giờ\"}", "publishAt", "yyyy-MM-ddTHH:mm")
                .json(Kind.WRONG_TYPE, "{\"productId\":\"" + productId + "\",\"language\":\"vi\",\"targets\":{\"a\":1},"
                        + "\"publishAt\":\"2099-05-10T07:00\"}", "targets")
                .json(Kind.MISSING_FIELD, "{\"productId\":\"" + productId + "\",\"language\":\"vi\",\"targets\":[\"" + target + "\"]}",
                        "thời điểm đăng")
                .none("the campaign is judged after the variant's state, and this variant is a draft (409 first)", Kind.UNKNOWN_CODE)
                .json(Kind.OVER_LIMIT, "{\"productId\":\"" + productId + "\",\"language\":\"vi\",\"targets\":[\"" + target
                        + "\"],\"publishAt\":\"2099-05-10T07:00\",\"releaseId\":\"" + "x".repeat(201) + "\"}", "Mã đợt", "100")
                .none(NO_ENUM, Kind.UNKNOWN_ENUM);
        add.apply("POST /api/v1/schedules/{jobId}/retry", null)
                .none(NO_BODY, Kind.values());
        add.apply("POST /api/v1/schedules/{jobId}/cancel", null)
                .none("its optional body is a reason; the job in the path is checked first (an unknown one answers 404)",
                        Kind.values());

        add.apply("POST /api/v1/targets", "/api/v1/targets")
                .json(Kind.MALFORMED_JSON, MALFORMED, "dòng 1, cột")
                .json(Kind.UNKNOWN_ENUM, "{\"id\":\"moi-1\",\"channel\":\"TIKTOK\",\"name\":\"x\"}", "channel", "FACEBOOK")
                .json(Kind.WRONG_TYPE, "{\"id\":\"moi-1\",\"channel\":\"APP_FEED\",\"name\":\"x\",\"minIntervalSeconds\":\"mười\"}",
                        "minIntervalSeconds")
                .json(Kind.MISSING_FIELD, "{\"id\":\"moi-1\",\"name\":\"x\"}", "channel")
                .json(Kind.UNKNOWN_CODE, "{\"id\":\"moi-1\",\"channel\":\"APP_FEED\",\"name\":\"x\",\"province\":\"LC\"}", "province", "LC")
                .json(Kind.OVER_LIMIT, "{\"id\":\"moi-1\",\"channel\":\"APP_FEED\",\"name\":\"" + "x".repeat(1001) + "\"}", "name")
                .none(NO_DATE, Kind.UNREADABLE_DATE);
        add.apply("PUT /api/v1/targets/{id}", targetPath)
                .json(Kind.MALFORMED_JSON, MALFORMED, "dòng 1, cột")
                .json(Kind.UNKNOWN_ENUM, "{\"channel\":\"TIKTOK\",\"name\":\"x\"}", "channel", "FACEBOOK")
                .json(Kind.WRONG_TYPE, "{\"name\":\"x\",\"adminContacts\":\"a@b.vn\"}", "adminContacts")
                .json(Kind.UNKNOWN_CODE, "{\"name\":\"Bảng tin\",\"province\":\"LC\"}", "province", "LC")
                .json(Kind.OVER_LIMIT, "{\"name\":\"" + "x".repeat(1001) + "\"}", "name")
                .none("a change names only the fields it changes", Kind.MISSING_FIELD).none(NO_DATE, Kind.UNREADABLE_DATE);
        add.apply("POST /api/v1/targets/{id}/test", targetPath)
                .none(NO_BODY, Kind.values());
        add.apply("POST /api/v1/targets/{id}/resume", targetPath)
                .none(NO_BODY, Kind.values());

        add.apply("PUT /api/v1/templates/{language}/{channel}/{slot}", template)
                .json(Kind.MALFORMED_JSON, MALFORMED, "dòng 1, cột")
                .json(Kind.WRONG_TYPE, "{\"source\":[1]}", "source")
                .json(Kind.MISSING_FIELD, "{}", "source")
                .json(Kind.OVER_LIMIT, "{\"source\":\"" + "x".repeat(20001) + "\"}", "source", "20000")
                .none(NO_ENUM + " (channel and slot in the path: an unknown one answers 404)", Kind.UNKNOWN_ENUM)
                .none(NO_DATE, Kind.UNREADABLE_DATE).none(NO_CODE, Kind.UNKNOWN_CODE);
        add.apply("DELETE /api/v1/templates/{language}/{channel}/{slot}", template)
                .none(NO_BODY, Kind.values());
        add.apply("POST /api/v1/templates/{language}/{channel}/{slot}/versions/{version}/restore", template)
                .path(template + "/versions/mot/restore", Kind.WRONG_TYPE, "version")
                .none(NO_BODY, Kind.MALFORMED_JSON, Kind.UNKNOWN_ENUM, Kind.UNREADABLE_DATE, Kind.MISSING_FIELD, Kind.UNKNOWN_CODE,
                        Kind.OVER_LIMIT);

        add.apply("POST /api/v1/users", "/api/v1/users/nguoi-moi-sai")
                .json(Kind.MALFORMED_JSON, MALFORMED, "dòng 1, cột")
                .json(Kind.UNKNOWN_ENUM, "{\"username\":\"nguoi-moi-sai\",\"displayName\":\"A\",\"password\":\"mot-mat-khau-dai\","
                        + "\"roles\":[\"BOSS\"]}", "roles", "EDITOR")
                .json(Kind.WRONG_TYPE, "{\"username\":\"nguoi-moi-sai\",\"displayName\":\"A\",\"password\":\"mot-mat-khau-dai\","
                        + "\"roles\":[\"EDITOR\"],\"scopes\":\"CB\"}", "scopes")
                .json(Kind.MISSING_FIELD, "{\"username\":\"nguoi-moi-sai\",\"displayName\":\"A\",\"roles\":[\"EDITOR\"]}", "password")
                .json(Kind.UNKNOWN_CODE, "{\"username\":\"nguoi-moi-sai\",\"displayName\":\"A\",\"password\":\"mot-mat-khau-dai\","
                        + "\"roles\":[\"PROVINCIAL_STAFF\"],\"scopes\":{\"province\":\"LC\"}}", "scopes.province", "LC")
                .json(Kind.OVER_LIMIT, "{\"username\":\"nguoi-moi-sai\",\"displayName\":\"A\",\"password\":\"ngan\","
                        + "\"roles\":[\"EDITOR\"]}", "password", "12")
                .none(NO_DATE, Kind.UNREADABLE_DATE);
        add.apply("PUT /api/v1/users/{username}", user)
                .json(Kind.MALFORMED_JSON, MALFORMED, "dòng 1, cột")
                .json(Kind.UNKNOWN_ENUM, "{\"roles\":[\"BOSS\"],\"enabled\":true}", "roles", "EDITOR")
                .json(Kind.WRONG_TYPE, "{\"roles\":[\"EDITOR\"],\"enabled\":\"có\"}", "enabled")
                .json(Kind.MISSING_FIELD, "{\"roles\":[\"EDITOR\"]}", "enabled")
                .json(Kind.UNKNOWN_CODE, "{\"roles\":[\"TRANSLATOR\"],\"scopes\":{\"languages\":[\"klingon\"]},\"enabled\":true}",
                        "scopes.languages", "klingon")
                .json(Kind.OVER_LIMIT, "{\"roles\":[\"EDITOR\"],\"displayName\":\"" + "x".repeat(121) + "\",\"enabled\":true}",
                        "displayName", "120")
                .none(NO_DATE, Kind.UNREADABLE_DATE);
        add.apply("POST /api/v1/users/{username}/tokens", user + "/tokens")
                .json(Kind.MALFORMED_JSON, MALFORMED, "dòng 1, cột")
                .json(Kind.WRONG_TYPE, "{\"name\":\"x\",\"validDays\":\"ba mươi\"}", "validDays", "số nguyên")
                .json(Kind.MISSING_FIELD, "{\"validDays\":30}", "name")
                .json(Kind.OVER_LIMIT, "{\"name\":\"x\",\"validDays\":1000}", "validDays", "366")
                .none(NO_ENUM, Kind.UNKNOWN_ENUM).none(NO_DATE, Kind.UNREADABLE_DATE).none(NO_CODE, Kind.UNKNOWN_CODE);
        add.apply("DELETE /api/v1/users/{username}/tokens/{id}", user + "/tokens")
                .none(NO_BODY, Kind.values());

        // The workbench and the glossary work on the fixture's Tày translation (see fill).
        String segments = product + "/variants/tyz/segments";
        add.apply("PUT /api/v1/products/{id}/variants/{language}/segments", segments)
                .json(Kind.MALFORMED_JSON, MALFORMED, "dòng 1, cột")
                .json(Kind.WRONG_TYPE, "{\"segments\":\"dịch\"}", "segments")
                .json(Kind.MISSING_FIELD, "{}", "segments")
                .json(Kind.UNKNOWN_CODE, "{\"segments\":[{\"id\":\"khong-co-doan\",\"target\":\"x\"}]}", "khong-co-doan")
                .json(Kind.OVER_LIMIT, "{\"segments\":[{\"id\":\"khong-co-doan\",\"target\":\"x\"}],\"comment\":\""
                        + "x".repeat(2001) + "\"}", "comment", "2000")
                .none(NO_ENUM, Kind.UNKNOWN_ENUM).none(NO_DATE, Kind.UNREADABLE_DATE);
        add.apply("POST /api/v1/products/{id}/variants/{language}/segments/{segment}/review", segments)
                .json(Kind.MALFORMED_JSON, MALFORMED, "dòng 1, cột")
                .json(Kind.UNKNOWN_ENUM, "{\"decision\":\"MAYBE\"}", "decision", "ACCEPT")
                .json(Kind.WRONG_TYPE, "{\"decision\":[\"ACCEPT\"]}", "decision")
                .none("who may review the language is decided before the decision is read, and the administrator who sends"
                        + " these cases is no speaker of Tày", Kind.MISSING_FIELD)
                .none("the segment is named in the path (an unknown one answers 404)", Kind.UNKNOWN_CODE)
                .none("a comment's length is checked on a translated segment, which this fixture has none of", Kind.OVER_LIMIT)
                .none(NO_DATE, Kind.UNREADABLE_DATE);
        add.apply("PUT /api/v1/glossary/{language}/terms", "/api/v1/glossary/tyz")
                .json(Kind.MALFORMED_JSON, MALFORMED, "dòng 1, cột")
                .json(Kind.WRONG_TYPE, "{\"term\":[\"BHXH\"],\"translation\":\"x\"}", "term")
                .json(Kind.MISSING_FIELD, "{\"translation\":\"x\"}", "term")
                .json(Kind.OVER_LIMIT, "{\"term\":\"" + "x".repeat(201) + "\",\"translation\":\"x\"}", "term", "200")
                .none(NO_ENUM, Kind.UNKNOWN_ENUM).none(NO_DATE, Kind.UNREADABLE_DATE)
                .none(NO_CODE + " (the language is in the path)", Kind.UNKNOWN_CODE);
        add.apply("DELETE /api/v1/glossary/{language}/terms", "/api/v1/glossary/tyz")
                .query(Kind.MISSING_FIELD, "", null, null, "term")
                .none("no body: the term is a query parameter", Kind.MALFORMED_JSON, Kind.UNKNOWN_ENUM, Kind.UNREADABLE_DATE,
                        Kind.WRONG_TYPE, Kind.UNKNOWN_CODE, Kind.OVER_LIMIT);
        add.apply("PUT /api/v1/me/notifications", "/api/v1/me/notifications")
                .json(Kind.MALFORMED_JSON, MALFORMED, "dòng 1, cột")
                .json(Kind.UNKNOWN_ENUM, "{\"frequency\":\"WEEKLY\"}", "frequency", "IMMEDIATE")
                .json(Kind.WRONG_TYPE, "{\"frequency\":\"NONE\",\"email\":[\"a@b.vn\"]}", "email")
                .json(Kind.MISSING_FIELD, "{\"email\":\"a@baohiemxahoi.gov.vn\"}", "frequency")
                .json(Kind.OVER_LIMIT, "{\"frequency\":\"IMMEDIATE\",\"email\":\"" + "a".repeat(300) + "@baohiemxahoi.gov.vn\"}",
                        "email")
                .none(NO_DATE, Kind.UNREADABLE_DATE).none(NO_CODE, Kind.UNKNOWN_CODE);
        add.apply("POST /api/v1/backups", "/api/v1/backups")
                .none("no input: a backup is always of the whole installation", Kind.values());
        return all;
    }

    @Test
    void everyWriteEndpointAnswersEveryKindOfBadInputWithAFieldNamingVietnameseProblemAndChangesNothing() {
        Map<String, Endpoint> endpoints = endpoints();
        TreeSet<String> writes = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> info.getMethodsCondition().getMethods().forEach(verb -> {
            if (List.of("POST", "PUT", "PATCH", "DELETE").contains(verb.name())) {
                info.getPatternValues().stream().filter(p -> p.startsWith("/api/v1/")).forEach(p -> writes.add(verb.name() + " " + p));
            }
        }));
        List<String> failures = new ArrayList<>();
        for (String write : writes) {
            Endpoint endpoint = endpoints.get(write);
            if (endpoint == null) {
                failures.add(write + ": a write endpoint without bad-input cases (add it to WriteEndpointBadInputTest.endpoints())");
                continue;
            }
            for (Kind kind : Kind.values()) {
                boolean covered = endpoint.cases.stream().anyMatch(c -> c.kind() == kind) || endpoint.notApplicable.containsKey(kind);
                if (!covered) {
                    failures.add(write + ": no " + kind + " case and no reason why it cannot apply");
                }
            }
        }
        for (String declared : endpoints.keySet()) {
            if (!writes.contains(declared)) {
                failures.add(declared + ": declared here but not served by the application");
            }
        }
        Map<String, String> before = snapshot(endpoints.values());
        int sent = 0;
        for (String write : writes) {
            Endpoint endpoint = endpoints.get(write);
            if (endpoint == null) {
                continue;
            }
            for (Case c : endpoint.cases) {
                String witnessBefore = endpoint.witness == null ? null : read(endpoint.witness);
                HttpResponse<String> answer = send(write, c);
                sent++;
                check(failures, write + " " + c.kind() + " " + abbreviate(c.query() + " " + c.body()), answer, c.status(), c.mentions());
                if (endpoint.witness != null && !read(endpoint.witness).equals(witnessBefore)) {
                    failures.add(write + " " + c.kind() + ": changed " + endpoint.witness);
                }
            }
        }
        assertThat(snapshot(endpoints.values())).as("every resource the bad requests aimed at").isEqualTo(before);
        System.out.println("Bad input: " + writes.size() + " write endpoints, " + sent + " cases");
        assertThat(failures).isEmpty();
    }

    private HttpResponse<String> send(String write, Case c) {
        String method = write.substring(0, write.indexOf(' '));
        String path = c.path() != null ? c.path() : fill(write.substring(write.indexOf(' ') + 1));
        if (!c.query().isEmpty()) {
            path += "?" + c.query();
        }
        HttpRequest.Builder request = admin.request(path).method(method, c.body() == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(c.body()));
        if (c.contentType() != null) {
            request.header("Content-Type", c.contentType());
        }
        for (int i = 0; i + 1 < c.headers().size(); i += 2) {
            request.header(c.headers().get(i), c.headers().get(i + 1));
        }
        String etag = currentEtag(write, path);
        if (etag != null) {
            request.header("If-Match", etag);
        }
        return admin.send(request);
    }

    /** The current ETag of what a write changes, so that only the bad input can be what is refused. */
    private String currentEtag(String write, String path) {
        if (write.startsWith("POST /api/v1/products ") || write.equals("POST /api/v1/products") || write.contains("/uploads")
                || write.startsWith("POST /api/v1/users") && !write.contains("{username}")) {
            return null;
        }
        String resource = path.replaceAll("\\?.*", "")
                .replaceAll("/(transitions|confirm-source|translation|files|prefill|import\\.xlsx|versions/[^/]+/restore|segments/[^/]+/review)$", "");
        HttpResponse<String> current = admin.get(resource);
        return current.headers().firstValue("ETag").orElse(null);
    }

    private String fill(String pattern) {
        return pattern.replace("/api/v1/targets/{id}", "/api/v1/targets/" + target)
                .replace("/glossary/{language}", "/glossary/tyz").replace("{language}/segments", "tyz/segments")
                .replace("{segment}", "khong-co-doan")
                .replace("/tokens/{id}", "/tokens/" + token)
                .replace("/uploads/{id}", "/uploads/" + upload)
                .replace("{id}", productId).replace("{language}", "vi").replace("{revision}", "1")
                .replace("{username}", username).replace("{kind}", "topics").replace("{code}", "VOLUNTARY_SI")
                .replace("{province}", "CB").replace("{period}", "2026-05").replace("{jobId}", "khong-co-viec")
                .replace("{channel}", "facebook").replace("{slot}", "message").replace("{version}", "1");
    }

    private void check(List<String> failures, String call, HttpResponse<String> response, int status, List<String> mentions) {
        String body = response.body();
        if (response.statusCode() != status) {
            failures.add(call + ": status " + response.statusCode() + " " + abbreviate(body));
            return;
        }
        if (!response.headers().firstValue("Content-Type").orElse("").equals("application/problem+json")) {
            failures.add(call + ": not problem+json " + response.headers().firstValue("Content-Type") + " " + abbreviate(body));
            return;
        }
        JsonNode problem = Json.parse(body);
        String detail = problem.has("detail") ? problem.get("detail").asString() : "";
        String title = problem.has("title") ? problem.get("title").asString() : "";
        if (!title.matches(".*[À-ỹđĐ].*") || !detail.matches(".*[À-ỹđĐ].*")) {
            failures.add(call + ": not Vietnamese: " + abbreviate(body));
        }
        for (String mention : mentions) {
            if (!detail.contains(mention)) {
                failures.add(call + ": detail does not mention " + mention + ": " + detail);
            }
        }
        for (String internal : INTERNALS) {
            if (body.contains(internal)) {
                failures.add(call + ": shows " + internal + ": " + abbreviate(body));
            }
        }
    }

    private String read(String path) {
        HttpResponse<String> response = admin.get(path);
        return response.statusCode() + " " + response.headers().firstValue("ETag").orElse(response.body());
    }

    private Map<String, String> snapshot(java.util.Collection<Endpoint> endpoints) {
        Map<String, String> state = new LinkedHashMap<>();
        for (Endpoint endpoint : endpoints) {
            if (endpoint.witness != null) {
                state.put(endpoint.witness, read(endpoint.witness));
            }
        }
        state.put("variants", String.valueOf(Json.parse(admin.get("/api/v1/products/" + productId).body()).get("variants").size()));
        state.put("targets", String.valueOf(Json.parse(admin.get("/api/v1/targets").body()).size()));
        return state;
    }

    private static String abbreviate(String text) {
        String flat = String.valueOf(text).replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
