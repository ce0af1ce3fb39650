package vn.bhxh.cms.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import vn.bhxh.cms.CmsIntegrationTest;
import vn.bhxh.cms.product.ProductInfo;
import vn.bhxh.cms.product.ProductService;
import vn.bhxh.cms.product.ProductType;
import vn.bhxh.cms.product.Scope;
import vn.bhxh.cms.product.Variant;
import vn.bhxh.cms.product.VariantContent;
import vn.bhxh.cms.security.Actor;
import vn.bhxh.cms.security.Role;
import vn.bhxh.cms.security.Scopes;

/** An administrator creates a translator; the translator works side by side with the source and exchanges XLIFF files. */
class TranslatorAndAdminBrowserTest extends BrowserTest {

    @Autowired
    ProductService products;

    @Test
    void adminCreatesATranslatorWhoTranslatesAndImportsXliffThenSeesTheSourceChange() throws Exception {
        String suffix = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        String translator = "dich-tay-" + suffix;

        // The administrator creates the translator; a short password is refused readably and the input is kept.
        login(CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD);
        open("/admin/users/new");
        driver.findElement(By.id("username")).sendKeys(translator);
        driver.findElement(By.id("displayName")).sendKeys("Hoàng Thị Dịch");
        driver.findElement(By.id("password")).sendKeys("ngan");
        driver.findElement(By.cssSelector("input[name=roles][value=TRANSLATOR]")).click();
        new Select(driver.findElement(By.id("languages"))).selectByValue("tyz");
        driver.findElement(By.id("save-user")).click();
        assertThat(waitFor(By.id("password-error")).getText()).contains("ít nhất 12 ký tự");
        assertThat(driver.findElement(By.id("displayName")).getAttribute("value")).isEqualTo("Hoàng Thị Dịch");
        assertThat(driver.findElement(By.id("languages")).getAttribute("value")).isEqualTo("tyz");
        driver.findElement(By.id("password")).sendKeys(WebUsers.PASSWORD);
        driver.findElement(By.id("save-user")).click();
        assertThat(waitFor(By.id("users")).getText()).contains(translator, "Hoàng Thị Dịch", "Biên dịch");
        screenshot("09-admin-users");
        open("/admin/templates/vi/facebook/message");
        driver.findElement(By.id("source")).clear();
        driver.findElement(By.id("source")).sendKeys("{{title}} {{khongCoTruongNay}}");
        driver.findElement(By.id("save-template")).click();
        assertThat(waitFor(By.id("template-problems")).getText()).contains("Trường không tồn tại", "khongCoTruongNay");

        // An editor's leaflet with a Tày translation requested.
        Actor editor = new Actor("bien-tap-dich-" + suffix, Set.of(Role.EDITOR), Scopes.NONE);
        Variant source = products.createProduct(editor, new ProductInfo(ProductType.LEAFLET, Set.of(), Set.of(), null,
                Scope.NATIONAL, null, null, Set.of(), null, null), new VariantContent("Những điều cần biết về BHYT hộ gia đình " + suffix,
                "Tóm tắt", "<p>Tham gia theo hộ gia đình.</p>", List.of()));
        String id = source.productId();
        products.requestTranslation(editor, id, "tyz");

        login(translator);
        open("/translate");
        driver.findElement(By.cssSelector("#translate-queue a[href$='/" + id + "/tyz']")).click();
        assertThat(waitFor(By.id("side-by-side")).getText()).contains("Những điều cần biết về BHYT hộ gia đình " + suffix);
        driver.findElement(By.id("title")).sendKeys("Cần hủ cần bấu BHYT hộ gia đình " + suffix);
        driver.findElement(By.id("body")).sendKeys("<p>Dịch thử.</p>");
        driver.findElement(By.id("save")).click();
        waitFor(By.cssSelector(".flash"));
        screenshot("10-translator");

        // Export XLIFF with the browser's session, change the target, import it through the form.
        HttpResponse<String> xliff = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                url("/translate/" + id + "/tyz/export?format=xliff"))).header("Cookie", "JSESSIONID=" + sessionCookie()).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(xliff.statusCode()).isEqualTo(200);
        assertThat(xliff.body()).contains("urn:oasis:names:tc:xliff:document:2.0", "Cần hủ cần bấu");
        Path file = Files.createTempFile("ban-dich-", ".xlf");
        Files.writeString(file, xliff.body().replace("Cần hủ cần bấu", "Bản nhập XLIFF"));
        driver.findElement(By.id("import-file")).sendKeys(file.toString());
        driver.findElement(By.id("import-button")).click();
        assertThat(waitFor(By.cssSelector(".flash")).getText()).contains("Đã nhập bản dịch");
        assertThat(driver.findElement(By.id("title")).getAttribute("value")).startsWith("Bản nhập XLIFF");

        // A file for another product is refused with a sentence, not a stack trace.
        Files.writeString(file, xliff.body().replace(id, "khac-" + id));
        driver.findElement(By.id("import-file")).sendKeys(file.toString());
        driver.findElement(By.id("import-button")).click();
        assertThat(waitFor(By.cssSelector(".flash.error")).getText()).contains("Tệp không hợp lệ");

        // The Vietnamese source changes: the translation is outdated and the page shows what changed.
        Variant current = products.readVariant(editor, id, "vi");
        products.editContent(editor, id, "vi", current.seqNoPrimaryTerm(), new VariantContent(current.content().title(),
                "Tóm tắt mới sau khi luật thay đổi", current.content().body(), List.of()), "luật mới");
        login(CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD);
        open("/products/" + id + "/variants/tyz/compare");
        String diff = waitFor(By.id("outdated-diff")).getText();
        assertThat(diff).contains("Tóm tắt mới sau khi luật thay đổi");
        assertThat(driver.findElement(By.cssSelector("#outdated-diff del")).getText()).isEqualTo("Tóm tắt");
        assertThat(driver.findElement(By.id("side-by-side")).getText()).contains("Bản nhập XLIFF", "Lỗi thời");
        screenshot("11-variants-side-by-side");
    }
}
