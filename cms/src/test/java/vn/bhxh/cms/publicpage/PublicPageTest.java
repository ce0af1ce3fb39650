package vn.bhxh.cms.publicpage;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.bhxh.cms.ApiClient;
import vn.bhxh.cms.Await;
import vn.bhxh.cms.CmsIntegrationTest;
import vn.bhxh.cms.Json;
import vn.bhxh.cms.TestUsers;
import vn.bhxh.cms.elasticsearch.IndexInitializer;
import vn.bhxh.publisher.job.JobStore;

/**
 * The public page behind a short address, over real HTTP and signed out: what print QR codes and posts link to, only
 * for released variants, a redirect once on the portal, and its visits counted per source, day and province.
 */
@CmsIntegrationTest
class PublicPageTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static WireMockServer portal;

    @LocalServerPort
    int port;

    @Autowired
    IndexInitializer indices;

    @Autowired
    JobStore jobs;

    ApiClient admin;
    ApiClient editor;
    ApiClient reviewer;
    ApiClient approver;
    String suffix;

    @BeforeAll
    static void startPortal() {
        portal = new WireMockServer(options().dynamicPort());
        portal.start();
    }

    @AfterAll
    static void stopPortal() {
        portal.stop();
    }

    @BeforeEach
    void users() {
        Await.until(indices::isReady, Duration.ofSeconds(30), "indices created");
        admin = new ApiClient(port, CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD);
        editor = TestUsers.ensure(port, admin, "tc-bien-tap", "[\"EDITOR\"]", "{}");
        reviewer = TestUsers.ensure(port, admin, "tc-tham-dinh", "[\"REVIEWER\"]", "{}");
        approver = TestUsers.ensure(port, admin, "tc-lanh-dao", "[\"APPROVER\"]", "{}");
        suffix = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aReleasedVariantHasAPublicPageTheQrCodeEncodesAndItsVisitsAreCountedBySourceAndProvince() throws Exception {
        String title = "Vì sao nên tham gia BHXH tự nguyện " + suffix;
        String product = createProduct(title);
        String vi = "/api/v1/products/" + product + "/variants/vi";
        String qrUrl = Json.parse(editor.get(vi + "/previews/print").body()).get("payload").get("qrUrl").asString();
        assertThat(qrUrl).startsWith("http://localhost:8080/p/").contains("utm_source=qr").doesNotContain(product);
        URI qr = URI.create(qrUrl);
        String page = qr.getRawPath();
        assertThat(page).matches("/p/[a-z2-9]{10}");

        // A draft has no public page: a readable 404, and the visit is not counted.
        HttpResponse<String> draft = anonymous(page + "?" + qr.getRawQuery(), null);
        assertThat(draft.statusCode()).isEqualTo(404);
        assertThat(draft.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(draft.body()).contains("<html lang=\"vi\"").contains("Không tìm thấy trang");
        assertThat(anonymous("/p/abcdefghij", null).statusCode()).isEqualTo(404);
        assertThat(anonymous("/p/khong-co-ma", null).statusCode()).isEqualTo(404);

        approve(vi);
        // The print PDF's QR code encodes the short address (the same link the preview names).
        assertThat(decodeQr(HttpClient.newHttpClient().send(editor.request(vi + "/previews/print/pdf").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray())))
                .isEqualTo(qrUrl);

        HttpResponse<String> scanned = anonymous(page + "?" + qr.getRawQuery(), null);
        assertThat(scanned.statusCode()).isEqualTo(200);
        assertThat(scanned.body()).contains("<html lang=\"vi\"").contains("<h1>" + title + "</h1>")
                .contains("Nhận BHXH một lần là mất quyền hưởng lương hưu").contains("/css/public.css")
                .doesNotContain(product).doesNotContain("<script");
        assertThat(scanned.body()).doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(scanned.headers().firstValue("Cache-Control").orElseThrow()).contains("public").contains("no-cache");
        assertThat(scanned.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'")
                .doesNotContain("unsafe-inline");
        assertThat(scanned.headers().allValues("Set-Cookie")).isEmpty();
        String etag = scanned.headers().firstValue("ETag").orElseThrow();
        // A phone that has the page revalidates: 304 without a body (and the scan still counts).
        assertThat(anonymous(page + "?src=qr", etag).statusCode()).isEqualTo(304);
        assertThat(anonymous(page + "?utm_source=facebook&tinh=KH", null).statusCode()).isEqualTo(200);
        assertThat(anonymous(page + "?utm_source=vssid", null).statusCode()).isEqualTo(200);
        assertThat(anonymous(page, null).statusCode()).isEqualTo(200);
        HttpResponse<String> font = anonymous("/p/fonts/khmer.ttf", null);
        assertThat(font.statusCode()).isEqualTo(200);
        assertThat(font.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=2592000", "public");
        assertThat(font.headers().firstValue("Last-Modified")).isPresent();
        // Past its age the browser revalidates: the same file answers 304 without a body.
        assertThat(anonymous("/p/fonts/khmer.ttf", font.headers().firstValue("ETag").orElseThrow()).statusCode()).isEqualTo(304);
        assertThat(anonymous("/p/fonts/latin.ttf", null).statusCode()).isEqualTo(200);

        Map<String, Long> bySource = visitsBySource(product);
        assertThat(bySource).containsExactlyInAnyOrderEntriesOf(Map.of("qr", 2L, "facebook", 1L, "feed", 1L, "direct", 1L));
        JsonNode visits = Json.parse(editor.get(visitsPath(product)).body());
        assertThat(visits.get("total").asLong()).isEqualTo(5);
        for (JsonNode row : visits.get("rows")) {
            assertThat(LocalDate.parse(row.get("day").asString())).isBetween(LocalDate.now(VIETNAM).minusDays(1), LocalDate.now(VIETNAM));
            assertThat(row.get("language").asString()).isEqualTo("vi");
            assertThat(row.get("sourceName").asString()).isNotBlank();
            if (row.get("source").asString().equals("facebook")) {
                assertThat(row.get("province").asString()).isEqualTo("KH");
            }
        }

        // The province's report counts the visit its link brought, into form 03's column 20, with where it came from.
        ApiClient staff = TestUsers.ensure(port, admin, "tc-khanh-hoa", "[\"PROVINCIAL_STAFF\"]", "{\"province\":\"KH\"}");
        LocalDate today = LocalDate.now(VIETNAM);
        String month = today.format(DateTimeFormatter.ofPattern("yyyy-MM"));
        HttpResponse<String> report = staff.post("/api/v1/reports", "{\"province\":\"KH\",\"period\":\"" + month + "\"}");
        assertThat(report.statusCode()).as(report.body()).isEqualTo(201);
        JsonNode prefilled = Json.parse(report.body());
        assertThat(prefilled.get("values").get("f03c20").asLong()).isEqualTo(1);
        assertThat(prefilled.get("sources").get("f03c20").asString()).contains("trang công khai").contains("Facebook: 1");

        // Bad ranges are refused, naming the limit.
        HttpResponse<String> backwards = editor.get("/api/v1/products/" + product + "/visits?from=" + today + "&to=" + today.minusDays(1));
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        HttpResponse<String> tooLong = editor.get("/api/v1/products/" + product + "/visits?from=" + today.minusDays(366) + "&to=" + today);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("366");
        assertThat(editor.get("/api/v1/products/" + product + "/visits?from=" + today.minusDays(365) + "&to=" + today).statusCode())
                .isEqualTo(200);
        assertThat(admin.getAnonymously(visitsPath(product)).statusCode()).isEqualTo(401);

        // Withdrawn: the page is gone (404) and visits of it are not counted.
        assertThat(transition(approver, vi, "WITHDRAW", "Sai mức đóng, rút để sửa").statusCode()).isEqualTo(200);
        assertThat(anonymous(page + "?src=qr", null).statusCode()).isEqualTo(404);
        assertThat(visitsBySource(product)).containsEntry("qr", 2L);
        assertThat(Json.parse(editor.get(visitsPath(product)).body()).get("total").asLong()).isEqualTo(5);
    }

    @Test
    void onceTheVariantIsOnThePortalTheShortAddressRedirectsThere() {
        portal.stubFor(post(urlEqualTo("/cong/bhxh")).willReturn(okJson("{\"id\":\"p-7\",\"url\":\"https://cong.example.vn/p-7\"}")));
        HttpResponse<String> target = admin.post("/api/v1/targets", "{\"id\":\"cong-" + suffix + "\",\"channel\":\"WEBHOOK\","
                + "\"name\":\"Cổng TTĐT BHXH\",\"endpoint\":\"" + portal.baseUrl() + "/cong/bhxh\",\"credentials\":{\"secret\":\"khoa\"}}");
        assertThat(target.statusCode()).as(target.body()).isEqualTo(201);
        String product = createProduct("Lương hưu từ BHXH tự nguyện " + suffix);
        String vi = "/api/v1/products/" + product + "/variants/vi";
        approve(vi);
        String page = URI.create(Json.parse(editor.get(vi + "/previews/print").body()).get("payload").get("qrUrl").asString()).getRawPath();
        assertThat(anonymous(page, null).statusCode()).isEqualTo(200);

        HttpResponse<String> scheduled = editor.post("/api/v1/schedules", "{\"productId\":\"" + product + "\",\"language\":\"vi\","
                + "\"targets\":[\"cong-" + suffix + "\"],\"publishAt\":\""
                + LocalDateTime.now(VIETNAM).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME) + "\"}");
        assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(201);
        String job = Json.parse(scheduled.body()).get(0).get("id").asString();
        Await.until(() -> "DELIVERED".equals(Json.parse(editor.get("/api/v1/schedules/" + job).body()).get("state").asString()),
                Duration.ofSeconds(30), "job delivered");
        jobs.refresh();

        HttpResponse<String> redirected = anonymous(page + "?src=qr", null);
        assertThat(redirected.statusCode()).isEqualTo(302);
        assertThat(redirected.headers().firstValue("Location")).hasValue("https://cong.example.vn/p-7");
        assertThat(visitsBySource(product)).containsExactlyInAnyOrderEntriesOf(Map.of("direct", 1L, "qr", 1L));
    }

    private String visitsPath(String product) {
        LocalDate today = LocalDate.now(VIETNAM);
        return "/api/v1/products/" + product + "/visits?from=" + today.minusDays(1) + "&to=" + today;
    }

    private Map<String, Long> visitsBySource(String product) {
        HttpResponse<String> answer = editor.get(visitsPath(product));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        Map<String, Long> bySource = new HashMap<>();
        Json.parse(answer.body()).get("rows").forEach(row -> bySource.merge(row.get("source").asString(), row.get("visits").asLong(), Long::sum));
        return bySource;
    }

    private HttpResponse<String> anonymous(String path, String ifNoneMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        try {
            return HttpClient.newHttpClient().send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String createProduct(String title) {
        HttpResponse<String> created = editor.post("/api/v1/products", "{\"info\":{\"type\":\"LEAFLET\",\"topics\":[\"VOLUNTARY_SI\"],"
                + "\"audiences\":[\"3.1\"],\"scope\":\"NATIONAL\"},\"content\":{\"title\":" + Json.quote(title)
                + ",\"summary\":\"Giữ quá trình đóng để hưởng lương hưu\",\"body\":\"<p>Nhận BHXH một lần là mất quyền hưởng lương hưu.</p>\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Json.parse(created.body()).get("productId").asString();
    }

    private void approve(String variant) {
        assertThat(transition(editor, variant, "SUBMIT", null).statusCode()).isEqualTo(200);
        assertThat(transition(reviewer, variant, "REVIEW", "Đúng quy định").statusCode()).isEqualTo(200);
        assertThat(transition(approver, variant, "APPROVE", null).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> transition(ApiClient client, String variant, String action, String comment) {
        String etag = admin.get(variant).headers().firstValue("ETag").orElseThrow();
        String body = "{\"action\":\"" + action + "\"" + (comment == null ? "" : ",\"comment\":" + Json.quote(comment)) + "}";
        return client.send(client.request(variant + "/transitions").header("If-Match", etag)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String decodeQr(HttpResponse<byte[]> pdf) throws Exception {
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 150);
            int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        }
    }
}
