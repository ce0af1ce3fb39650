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
import org.openqa.selenium.support.ui.Select;
import vn.bhxh.cms.Await;
import vn.bhxh.cms.CmsIntegrationTest;
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
