package vn.bhxh.cms.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import vn.bhxh.cms.ApiClient;
import vn.bhxh.cms.CmsIntegrationTest;
import vn.bhxh.cms.Json;
import vn.bhxh.cms.TestImages;
import vn.bhxh.cms.TestUsers;
import vn.bhxh.cms.product.ProductService;
import vn.bhxh.cms.product.Variant;
import vn.bhxh.cms.product.VariantContent;
import vn.bhxh.cms.publicpage.ShortLinks;
import vn.bhxh.cms.security.Actor;
import vn.bhxh.cms.security.Role;
import vn.bhxh.cms.security.Scopes;
import vn.bhxh.cms.workflow.WorkflowAction;

/**
 * The public page behind a short address in a real Chromium at a phone's width (360 px), signed out: nothing wider than
 * the screen, the accessible basics (the variant's {@code lang}, one h1 and headings in order, alt text, named links and
 * players), and the script's own Noto font loaded for a Khmer variant (and no other script's).
 */
class PublicPageBrowserTest extends BrowserTest {

    /** A phone's CSS width (the narrowest common Android screens). */
    static final int PHONE = 360;

    /** A link and a table wider than any phone, as editors paste them. */
    static final String WIDE_BODY = "<p>Tra cứu tại https://baohiemxahoi.gov.vn/tracuu/Pages/tra-cuu-qua-trinh-dong-bhxh-tu-nguyen-va-bhyt-ho-gia-dinh.aspx"
            + " hoặc gọi 1900 9068.</p><table><tr><th>Mức thu nhập tháng làm căn cứ đóng</th><th>Tỷ lệ đóng</th>"
            + "<th>Mức Nhà nước hỗ trợ cho người thuộc hộ nghèo</th><th>Mức Nhà nước hỗ trợ cho người thuộc hộ cận nghèo</th>"
            + "<th>Mức người tham gia tự đóng hằng tháng</th></tr><tr><td>1.500.000 đồng</td><td>22%</td><td>99.000 đồng</td>"
            + "<td>82.500 đồng</td><td>231.000 đồng</td></tr></table>";

    @Autowired
    ProductService products;

    @Autowired
    ShortLinks links;

    @AfterEach
    void desktopAgain() {
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    @Test
    void onAPhoneThePublicPageFitsTheScreenIsAccessibleAndLoadsTheFontOfItsScript() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        ApiClient admin = new ApiClient(port, CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD);
        ApiClient editor = TestUsers.ensure(port, admin, "tc-dt-bien-tap", "[\"EDITOR\"]", "{}");
        HttpResponse<String> uploaded = editor.send(editor.request("/api/v1/assets?productType=INFOGRAPHIC&fileName=muc-dong.png")
                .header("Content-Type", "image/png").POST(HttpRequest.BodyPublishers.ofByteArray(TestImages.png(1600, 900))));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        String asset = Json.parse(uploaded.body()).get("id").asString();
        String title = "Mức đóng BHXH tự nguyện năm 2026 " + suffix;
        HttpResponse<String> created = editor.post("/api/v1/products", "{\"info\":{\"type\":\"INFOGRAPHIC\",\"topics\":[\"VOLUNTARY_SI\"],"
                + "\"audiences\":[\"3.1\"],\"scope\":\"NATIONAL\"},\"content\":{\"title\":" + Json.quote(title)
                + ",\"summary\":\"Nhà nước hỗ trợ tiền đóng cho hộ nghèo và cận nghèo\",\"body\":" + Json.quote(WIDE_BODY)
                + ",\"assets\":[{\"assetId\":\"" + asset + "\",\"role\":\"image\"}]}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String product = Json.parse(created.body()).get("productId").asString();
        Actor author = new Actor("tc-dt-bien-tap", Set.of(Role.EDITOR), Scopes.NONE);
        Actor reviewer = new Actor("tc-dt-tham-dinh-" + suffix, Set.of(Role.REVIEWER), Scopes.NONE);
        Actor approver = new Actor("tc-dt-lanh-dao-" + suffix, Set.of(Role.APPROVER), Scopes.NONE);
        release(product, "vi", author, reviewer, approver);

        // Its Khmer translation, written and checked by two Khmer translators.
        products.requestTranslation(author, product, "km");
        Scopes khmer = new Scopes(null, null, Set.of("km"), null, null);
        Actor translator = new Actor("tc-dt-dich-km-" + suffix, Set.of(Role.TRANSLATOR), khmer);
        Actor checker = new Actor("tc-dt-kiem-km-" + suffix, Set.of(Role.TRANSLATOR), khmer);
        Variant requested = products.readVariant(translator, product, "km");
        products.editContent(translator, product, "km", requested.seqNoPrimaryTerm(), new VariantContent(
                "ធានារ៉ាប់រងសង្គមស្ម័គ្រចិត្ត ២០២៦", "រដ្ឋឧបត្ថម្ភប្រាក់បង់សម្រាប់គ្រួសារក្រីក្រ",
                "<p>ចូលរួមធានារ៉ាប់រងសង្គមស្ម័គ្រចិត្ត ដើម្បីទទួលបានប្រាក់សោធននិវត្តន៍។</p>" + WIDE_BODY, List.of()), null);
        release(product, "km", translator, checker, approver);

        driver.manage().deleteAllCookies();
        driver.manage().window().setSize(new Dimension(PHONE, 780));

        driver.get(page(product, "vi"));
        waitFor(By.tagName("h1"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(title);
        assertThat(viewportWidth()).isLessThanOrEqualTo(PHONE);
        assertFitsTheScreen();
        assertAccessibleBasics("vi");
        assertThat(driver.findElements(By.cssSelector("img"))).isNotEmpty()
                .allSatisfy(img -> assertThat(img.getAttribute("alt")).isEqualTo(title));
        screenshot("public-page-360-vi");

        driver.get(page(product, "km"));
        waitFor(By.tagName("h1"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).startsWith("ធានារ៉ាប់រងសង្គម");
        assertFitsTheScreen();
        assertAccessibleBasics("km");
        Map<String, Object> fonts = fontStatus();
        assertThat(fonts).containsEntry("Noto Sans Khmer", "loaded");
        // Fonts of other scripts are not fetched for a page with no text in them (unicode-range).
        assertThat(fonts).containsEntry("Noto Sans Cham", "unloaded").containsEntry("Noto Sans Tai Viet", "unloaded");
        assertThat((Boolean) js().executeScript("return document.fonts.check('16px \"Noto Sans Khmer\"', 'ធានា');")).isTrue();
        screenshot("public-page-360-km");
    }

    private void release(String product, String language, Actor author, Actor reviewer, Actor approver) {
        Variant v = products.readVariant(author, product, language);
        v = products.transition(author, product, language, v.seqNoPrimaryTerm(), WorkflowAction.SUBMIT, null);
        v = products.transition(reviewer, product, language, v.seqNoPrimaryTerm(), WorkflowAction.REVIEW, "Đúng nội dung");
        products.transition(approver, product, language, v.seqNoPrimaryTerm(), WorkflowAction.APPROVE, null);
    }

    /** The short address of the variant on this test server (the public base points elsewhere). */
    private String page(String product, String language) {
        return url(URI.create(links.url(product, language)).getRawPath() + "?src=qr");
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) driver;
    }

    private long viewportWidth() {
        return ((Number) js().executeScript("return document.documentElement.clientWidth;")).longValue();
    }

    /** Nothing scrolls the page sideways: no element reaches past the right edge of the screen. */
    private void assertFitsTheScreen() {
        assertThat(((Number) js().executeScript("return document.documentElement.scrollWidth;")).longValue())
                .as("page width at %d px", PHONE).isLessThanOrEqualTo(viewportWidth());
        @SuppressWarnings("unchecked")
        List<String> wider = (List<String>) js().executeScript("""
                const edge = document.documentElement.clientWidth + 1;
                return [...document.querySelectorAll('body *')]
                    .filter(e => e.closest('.public-body table') === null || e.matches('.public-body table'))
                    .filter(e => e.getBoundingClientRect().right > edge)
                    .map(e => e.tagName + '.' + e.className);""");
        assertThat(wider).as("elements wider than the screen").isEmpty();
    }

    private void assertAccessibleBasics(String language) {
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(language);
        assertThat(driver.getTitle()).isNotBlank();
        assertThat(driver.findElements(By.tagName("h1"))).hasSize(1);
        @SuppressWarnings("unchecked")
        List<Long> levels = (List<Long>) js().executeScript(
                "return [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => Number(h.tagName.substring(1)));");
        assertThat(levels.getFirst()).isEqualTo(1L);
        for (int i = 1; i < levels.size(); i++) {
            assertThat(levels.get(i)).as("heading %d after h%d", i, levels.get(i - 1)).isLessThanOrEqualTo(levels.get(i - 1) + 1);
        }
        @SuppressWarnings("unchecked")
        List<String> unnamed = (List<String>) js().executeScript("""
                return [...document.querySelectorAll('a, audio, video, button, input, select, textarea, img')]
                    .filter(e => e.tagName === 'IMG' ? !e.getAttribute('alt')
                        : !(e.textContent.trim() || e.getAttribute('aria-label') || e.getAttribute('aria-labelledby')
                            || (e.id && document.querySelector('label[for="' + e.id + '"]'))))
                    .map(e => e.outerHTML.substring(0, 80));""");
        assertThat(unnamed).as("links, players, images and controls without a name").isEmpty();
        assertThat(driver.findElement(By.tagName("main")).isDisplayed()).isTrue();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> fontStatus() {
        return (Map<String, Object>) js().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                document.fonts.ready.then(() => {
                    const status = {};
                    document.fonts.forEach(f => { status[f.family.replaceAll('"', '')] = f.status; });
                    done(status);
                });""");
    }
}
