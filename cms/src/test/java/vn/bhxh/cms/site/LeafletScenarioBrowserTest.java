package vn.bhxh.cms.site;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import vn.bhxh.cms.Await;
import vn.bhxh.cms.CmsIntegrationTest;
import vn.bhxh.cms.product.ProductInfo;
import vn.bhxh.cms.product.ProductService;
import vn.bhxh.cms.product.ProductType;
import vn.bhxh.cms.product.Scope;
import vn.bhxh.cms.product.VariantContent;
import vn.bhxh.cms.security.Actor;
import vn.bhxh.cms.security.Role;
import vn.bhxh.cms.security.Scopes;
import static org.assertj.core.api.Assertions.assertThat;


/**
 * The scenario in headless chromium: an editor creates a leaflet, uploads its PDF and submits it; a reviewer
 * reviews it and an approver approves it (four eyes: neither wrote it); an administrator adds an app-feed target and
 * the editor schedules the leaflet to it; a provincial user finds it by typing the title without diacritics, previews it
 * and downloads a bundle.
 */
class LeafletScenarioBrowserTest extends BrowserTest {

    @Autowired
    ProductService products;

    /**
     * Each channel's preview looks like that channel (a post, an article, a phone, an SMS bubble, a broadcast sheet);
     * rule breaks are sentences beside the part they concern; no raw code shows; the SMS count and encoding are in
     * words; the payload JSON is only inside a closed "technical details" toggle.
     */
    @Test
    void previewsLookLikeTheirChannels() throws Exception {
        String code = "xt" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String editor = WebUsers.ensure(accounts, passwords, "xt-bien-tap", "Đỗ Thị Xem", Set.of(Role.EDITOR), Scopes.NONE);
        String title = "Những điều cần biết về BHYT hộ gia đình " + code;
        // Long enough, with diacritics, that the SMS needs more than three messages (UCS-2: 67 characters each).
        String summary = "Người tham gia bảo hiểm y tế hộ gia đình được khám chữa bệnh đúng tuyến, được quỹ chi trả theo mức hưởng "
                + "và được giảm mức đóng từ thành viên thứ hai trở đi; hãy đóng đúng hạn để thẻ không bị gián đoạn giá trị sử dụng "
                + "và liên hệ cơ quan BHXH gần nhất khi cần hỗ trợ.";
        String id = products.createProduct(new Actor(editor, Set.of(Role.EDITOR), Scopes.NONE), new ProductInfo(ProductType.LEAFLET,
                Set.of(), Set.of(), null, Scope.NATIONAL, null, null, Set.of(), null, null), new VariantContent(title, summary,
                "<p>Mức đóng bằng 4,5% mức lương cơ sở.</p>", List.of())).productId();

        login(editor);
        open("/products/" + id + "/variants/vi/previews");
        waitFor(By.id("preview-sms"));
        // The channel as its people see it.
        assertThat(driver.findElement(By.cssSelector("#preview-portal .portal-article .article-title")).getText()).isEqualTo(title);
        assertThat(driver.findElement(By.cssSelector("#preview-facebook .fb-post .post-text")).getText()).contains(summary);
        assertThat(driver.findElement(By.cssSelector("#preview-zalo .zalo-article .article-title")).getText()).isEqualTo(title);
        assertThat(driver.findElement(By.cssSelector("#preview-vssid-feed .phone .app-card")).getText()).contains(title);
        assertThat(driver.findElement(By.cssSelector("#preview-youtube .yt-card .yt-title")).getText()).isEqualTo(title);
        assertThat(driver.findElement(By.cssSelector("#preview-loudspeaker .broadcast-sheet")).getText())
                .contains(title, "Tiếng Việt", "Chưa có tệp âm thanh");
        assertThat(driver.findElement(By.cssSelector("#preview-sms .phone .sms-bubble")).getText()).startsWith(summary);

        // The SMS: its count and encoding in words, the advice right under it, and no "meets the rules" beside advice.
        String count = driver.findElement(By.cssSelector("#preview-sms .sms-count")).getText();
        assertThat(count).matches("\\d+ tin nhắn, mã hóa Unicode \\(UCS-2\\) vì có dấu tiếng Việt; \\d+ ký tự, .*");
        int messages = Integer.parseInt(count.substring(0, count.indexOf(' ')));
        assertThat(messages).isGreaterThan(3);
        assertThat(driver.findElement(By.cssSelector("#preview-sms .sms-count + .rule-breaks")).getText())
                .isEqualTo("Cần gửi " + messages + " tin nhắn cho nội dung này, nên chỉ tối đa 3 tin: hãy rút ngắn tin nhắn.");
        assertThat(driver.findElement(By.cssSelector("#preview-sms .verdict")).getText()).isEqualTo("Gửi được, nhưng có lưu ý bên dưới");
        // Zalo refuses an article without a cover: said in a sentence under the missing cover, and the verdict agrees.
        assertThat(driver.findElement(By.cssSelector("#preview-zalo .cover-missing + .rule-breaks li.blocking")).getText())
                .isEqualTo("Chưa có ảnh bìa: kênh này bắt buộc phải có.");
        assertThat(driver.findElement(By.cssSelector("#preview-zalo .verdict")).getText()).startsWith("Vi phạm quy tắc");
        // No channel says it meets its rules beside a broken rule.
        for (WebElement section : driver.findElements(By.cssSelector("section.channel-preview"))) {
            if (!section.findElements(By.cssSelector(".rule-breaks li")).isEmpty()) {
                assertThat(section.findElement(By.cssSelector(".verdict")).getText()).as(section.getAttribute("id"))
                        .isNotEqualTo("Đạt quy tắc của kênh");
            }
        }

        // What a person reads has no codes, no JSON; the JSON is in closed toggles only.
        String visible = pageText();
        assertThat(visible).doesNotContain("UCS_2", "UCS-2\"", "GSM_7", "APP_FEED", "VSSID", "audioUrl", "cover\"", "„", "{", "\"title\"")
                .doesNotContainPattern("\\bnull\\b");
        List<WebElement> toggles = driver.findElements(By.cssSelector("section.channel-preview details.technical"));
        assertThat(toggles).hasSize(driver.findElements(By.cssSelector("section.channel-preview")).size());
        assertThat(toggles).allMatch(details -> details.getAttribute("open") == null);
        assertThat(driver.findElements(By.cssSelector("pre.preview-payload"))).allMatch(pre -> !pre.isDisplayed());
        WebElement smsDetails = driver.findElement(By.cssSelector("#preview-sms details.technical"));
        assertThat(smsDetails.findElement(By.tagName("summary")).getText()).startsWith("Chi tiết kỹ thuật");
        smsDetails.findElement(By.tagName("summary")).click();
        assertThat(smsDetails.findElement(By.cssSelector("pre.preview-payload")).getText()).contains("UCS_2");
        // Text (even the JSON) is in the page's fonts, never monospace, whose Vietnamese diacritics break.
        for (String selector : List.of("#preview-sms .sms-bubble", "#preview-sms pre.preview-payload", "#preview-portal .article-body")) {
            String font = (String) ((JavascriptExecutor) driver).executeScript(
                    "return getComputedStyle(document.querySelector(arguments[0])).fontFamily;", selector);
            assertThat(font).as(selector).doesNotContainIgnoringCase("monospace").contains("Noto Sans");
        }
        smsDetails.findElement(By.tagName("summary")).click();
        driver.manage().window().setSize(new Dimension(1280, 3200));
        try {
            ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0);");
            screenshot("previews-channels");
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    @Test
    void editorToApprovalToProvincialDownload() throws Exception {
        String editor = WebUsers.ensure(accounts, passwords, "kb-bien-tap", "Trần Văn Biên", Set.of(Role.EDITOR), Scopes.NONE);
        String reviewer = WebUsers.ensure(accounts, passwords, "kb-tham-dinh", "Lê Thị Thẩm", Set.of(Role.REVIEWER), Scopes.NONE);
        String approver = WebUsers.ensure(accounts, passwords, "kb-lanh-dao", "Phạm Lãnh Đạo", Set.of(Role.APPROVER), Scopes.NONE);
        String provincial = WebUsers.ensure(accounts, passwords, "kb-tinh-lao-cai", "Cán bộ Lào Cai",
                Set.of(Role.PROVINCIAL_STAFF), WebUsers.province("LC"));
        String code = "ks" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String title = "Vì sao người dân nên tham gia BHXH tự nguyện " + code;
        Path pdf = TestPdf.write(Files.createTempFile("to-roi-", ".pdf"), "BHXH tu nguyen " + code);

        // The editor creates the leaflet; a missing title is refused with a readable message and the input kept.
        login(editor);
        open("/products/new");
        new Select(driver.findElement(By.id("type"))).selectByValue("LEAFLET");
        driver.findElement(By.id("summary")).sendKeys("Lợi ích của BHXH tự nguyện cho người lao động tự do.");
        driver.findElement(By.id("save")).click();
        assertThat(waitFor(By.id("title-error")).getText()).contains("Tiêu đề không được để trống");
        assertThat(driver.findElement(By.id("summary")).getAttribute("value")).contains("Lợi ích của BHXH tự nguyện");
        driver.findElement(By.id("title")).sendKeys(title);
        driver.findElement(By.id("body")).sendKeys("<p>Được hưởng lương hưu khi về già.</p>");
        screenshot("04-editor");
        driver.findElement(By.id("save")).click();
        assertThat(waitFor(By.id("variant-title")).getText()).isEqualTo(title);
        String variantUrl = driver.getCurrentUrl();
        String productId = variantUrl.replaceAll(".*/products/([^/]+)/variants/vi$", "$1");

        // Its PDF goes up with a progress bar and is attached.
        driver.findElement(By.id("upload-file")).sendKeys(pdf.toString());
        new Select(driver.findElement(By.id("upload-kind"))).selectByValue("PRINT_MASTER");
        driver.findElement(By.id("upload-button")).click();
        waitUntilText(By.id("upload-status"), "Đã tải lên");
        open("/products/" + productId + "/variants/vi");
        assertThat(waitFor(By.id("file-list")).getText()).contains(pdf.getFileName().toString(), "Bản in gốc (maket)");
        assertThat(driver.findElement(By.id("variant-state")).getText()).isEqualTo("Bản nháp");

        open("/products/" + productId + "/variants/vi/previews");
        assertThat(waitFor(By.id("preview-portal")).getText()).contains(title);
        assertThat(driver.findElement(By.id("print-pdf")).getAttribute("href")).endsWith("/previews/print.pdf");
        screenshot("05-previews");

        open("/products/" + productId + "/variants/vi");
        driver.findElement(By.id("action-SUBMIT")).click();
        waitUntilText(By.id("variant-state"), "Chờ duyệt");
        // The editor may not review their own work: the button is not offered.
        assertThat(driver.findElements(By.id("action-REVIEW"))).isEmpty();

        // A reviewer finds it in their queue; rejecting without a comment is refused readably.
        login(reviewer);
        open("/review");
        driver.findElement(By.linkText(title)).click();
        assertThat(waitFor(By.id("changes-since")).getText()).contains("chưa từng mở");
        screenshot("06-review-queue");
        driver.findElement(By.id("action-REJECT")).click();
        assertThat(waitFor(By.cssSelector(".flash.error")).getText()).contains("Cần ghi ý kiến");
        driver.findElement(By.id("workflow-comment")).sendKeys("Nội dung đúng quy định.");
        driver.findElement(By.id("action-REVIEW")).click();
        waitUntilText(By.id("variant-state"), "Đã thẩm định");

        // Another person approves.
        login(approver);
        open("/");
        assertThat(driver.findElement(By.id("to-approve")).getText()).contains(title);
        open("/review/" + productId + "/vi");
        driver.findElement(By.id("action-APPROVE")).click();
        waitUntilText(By.id("variant-state"), "Đã phê duyệt");

        // An administrator adds the VssID app feed as a channel target and tests its connection.
        String target = "vssid-" + code;
        login(CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD);
        open("/admin/targets/new");
        driver.findElement(By.id("id")).sendKeys(target);
        new Select(driver.findElement(By.id("channel"))).selectByValue("APP_FEED");
        driver.findElement(By.id("name")).sendKeys("Ứng dụng VssID " + code);
        driver.findElement(By.id("save-target")).click();
        assertThat(waitFor(By.id("targets")).getText()).contains(target, "Ứng dụng VssID " + code);
        driver.findElement(By.id("test-" + target)).click();
        assertThat(waitFor(By.cssSelector(".flash")).getText()).contains("Kết nối tới kênh " + target);
        screenshot("12-admin-targets");

        // The editor schedules it from the schedule dialog, beside the campaign calendar.
        login(editor);
        open("/products/" + productId + "/variants/vi");
        driver.findElement(By.id("schedule-link")).click();
        assertThat(waitFor(By.id("calendar")).getText()).contains("Lịch truyền thông");
        driver.findElement(By.cssSelector("#schedule-form input[name=targets][value='" + target + "']")).click();
        screenshot("13-schedule-dialog");
        driver.findElement(By.id("schedule-button")).click();
        assertThat(waitFor(By.cssSelector(".flash")).getText()).contains("Đã lập lịch 1 lượt phát hành");
        // The job store is searched after its next refresh: the new job shows on the dashboard within moments.
        Await.until(() -> {
            open("/");
            return waitFor(By.id("going-out")).getText().contains(title);
        }, java.time.Duration.ofSeconds(10), "the scheduled leaflet is going out this week");
        assertThat(driver.findElement(By.id("going-out")).getText()).contains(title, "Ứng dụng VssID " + code);

        // The provincial user types the title without diacritics.
        login(provincial);
        open("/catalogue");
        driver.findElement(By.id("q")).sendKeys("vi sao nguoi dan nen tham gia bhxh tu nguyen " + code);
        driver.findElement(By.id("search-button")).click();
        waitFor(By.id("results"));
        screenshot("07-catalogue");
        driver.findElement(By.linkText(title)).click();
        assertThat(waitFor(By.id("product-title")).getText()).isEqualTo(title);
        // The PDF's first page is shown as an image.
        assertThat(driver.findElement(By.cssSelector("img.preview-image")).getAttribute("src")).contains("/thumbnails/medium");
        Boolean loaded = (Boolean) ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("var i = document.querySelector('img.preview-image'); return i.complete && i.naturalWidth > 0;");
        assertThat(loaded).isTrue();
        screenshot("08-product-preview");

        driver.findElement(By.id("bundle-button")).click();
        waitUntilText(By.id("bundle-status"), "Gói ZIP đã sẵn sàng");

        // The bundle's entries, fetched with the browser's session as the page does.
        String csrf = driver.findElement(By.cssSelector("meta[name=_csrf]")).getAttribute("content");
        String assetId = driver.findElement(By.cssSelector("#bundle-form input[name=assetId]")).getAttribute("value");
        HttpResponse<byte[]> zip = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(
                "/catalogue/" + productId + "/vi/bundle"))).header("Cookie", "JSESSIONID=" + sessionCookie())
                .header("X-CSRF-TOKEN", csrf).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("assetId=" + assetId)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zip.statusCode()).isEqualTo(200);
        List<String> entries = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.add(entry.getName());
            }
        }
        assertThat(entries).anyMatch(name -> name.endsWith(pdf.getFileName().toString()));
        assertThat(entries).hasSizeGreaterThanOrEqualTo(2); // the file and the manifest

        open("/downloads");
        assertThat(waitFor(By.id("download-history")).getText()).contains(pdf.getFileName().toString(), "Trong gói ZIP");
    }
}
