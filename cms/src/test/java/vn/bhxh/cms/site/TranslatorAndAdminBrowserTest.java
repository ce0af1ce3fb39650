package vn.bhxh.cms.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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

/**
 * An administrator creates a translator; the translator works side by side with the source and exchanges XLIFF files.
 * Khmer, Tai Viet and Cham show in the workbench and previews with the application's own Noto fonts, and print with them.
 */
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
        // The list opens on the new account, however many others there are, and names its language, not its code.
        assertThat(waitFor(By.id("users")).getText()).contains(translator, "Hoàng Thị Dịch", "Biên dịch", "Ngôn ngữ: Tày")
                .doesNotContain("tyz");
        assertThat(driver.findElement(By.id("q")).getAttribute("value")).isEqualTo(translator);
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

    @Test
    void khmerTaiVietAndChamShowInTheWorkbenchWithTheApplicationsFontsAndPrintWithThem() throws Exception {
        String suffix = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        String translator = WebUsers.ensure(accounts, passwords, "dich-km-thai-" + suffix, "Sơn Thị Chữ", Set.of(Role.TRANSLATOR),
                WebUsers.languages("km", "blt-Tavt", "cjm-Cham"));
        Actor editor = new Actor("bien-tap-chu-" + suffix, Set.of(Role.EDITOR), Scopes.NONE);
        String id = products.createProduct(editor, new ProductInfo(ProductType.LEAFLET, Set.of(), Set.of(), null,
                Scope.NATIONAL, null, null, Set.of(), null, null), new VariantContent("Quyền lợi BHYT hộ gia đình " + suffix,
                "Được hưởng đủ quyền lợi", "<p>Người tham gia được khám chữa bệnh đúng tuyến.</p>", List.of())).productId();
        // Khmer words; Tai Viet and Cham letters from their Unicode blocks (characters to test fonts with, not translations).
        Map<String, String> texts = Map.of("km", "ធានារ៉ាប់រងសុខភាព", "blt-Tavt", "ꪀꪁꪂꪃꪄꪅ", "cjm-Cham", "ꨀꨁꨂꨃꨄꨅ");
        Actor writer = new Actor(translator, Set.of(Role.TRANSLATOR), WebUsers.languages("km", "blt-Tavt", "cjm-Cham"));
        for (Map.Entry<String, String> text : texts.entrySet()) {
            products.requestTranslation(editor, id, text.getKey());
            Variant requested = products.readVariant(writer, id, text.getKey());
            products.editContent(writer, id, text.getKey(), requested.seqNoPrimaryTerm(), new VariantContent(text.getValue() + " " + suffix,
                    text.getValue(), "<p>" + text.getValue() + "</p>", List.of()), null);
        }

        login(translator);
        Map<String, String> families = Map.of("km", "Noto Sans Khmer", "blt-Tavt", "Noto Sans Tai Viet", "cjm-Cham", "Noto Sans Cham");
        for (Map.Entry<String, String> script : families.entrySet()) {
            String language = script.getKey();
            String family = script.getValue();
            open("/translate/" + id + "/" + language + "/segments");
            assertThat(waitFor(By.cssSelector("textarea[lang='" + language + "']")).getAttribute("value")).isEqualTo(texts.get(language) + " " + suffix);
            Map<String, Object> fonts = fontStatus();
            // (A face another page fetched already counts as loaded here too: only the page's own script is asserted.)
            assertThat(fonts).as(language).containsEntry(family, "loaded").containsEntry("Noto Sans", "loaded");
            assertThat((Boolean) js().executeScript("return document.fonts.check('16px \"" + family + "\"', arguments[0]);",
                    texts.get(language))).isTrue();
            // From this application, not from the machine: app.css has no local() source.
            assertThat(fontsFetched()).as(language).anyMatch(url -> url.endsWith(fontFile(family)));
            screenshot("workbench-" + language);
        }
        open("/products/" + id + "/variants/km/previews");
        waitFor(By.tagName("h1"));
        assertThat(fontStatus()).containsEntry("Noto Sans Khmer", "loaded");
        screenshot("previews-km");

        // The print PDF embeds the script's own Noto font.
        for (Map.Entry<String, String> script : Map.of("km", "NotoSansKhmer-Regular", "blt-Tavt",
                "NotoSansTaiViet-Regular", "cjm-Cham", "NotoSansCham-Regular").entrySet()) {
            HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    url("/products/" + id + "/variants/" + script.getKey() + "/previews/print.pdf"))).header("Cookie",
                    "JSESSIONID=" + sessionCookie()).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(pdf.statusCode()).as(script.getKey()).isEqualTo(200);
            assertThat(embeddedFonts(pdf.body())).as(script.getKey()).contains(script.getValue(), "NotoSans-Regular");
        }

        // The translator's page names the three languages (not their codes) with their work.
        open("/translate");
        String work = waitFor(By.id("language-work")).getText();
        assertThat(work).contains("Khmer", "Thái (Thái Đen, chữ Thái Việt)", "Chăm (Chăm Đông, chữ Chăm)").doesNotContain("blt-Tavt", "cjm-Cham");
        screenshot("translate-dashboard");
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) driver;
    }

    private static String fontFile(String family) {
        return switch (family) {
            case "Noto Sans Khmer" -> "/p/fonts/khmer.ttf";
            case "Noto Sans Tai Viet" -> "/p/fonts/tai-viet.ttf";
            case "Noto Sans Cham" -> "/p/fonts/cham.ttf";
            default -> throw new IllegalArgumentException(family);
        };
    }

    /** Each font face of the page and its status, once the page's fonts are done loading. */
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

    @SuppressWarnings("unchecked")
    private List<String> fontsFetched() {
        return (List<String>) js().executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes('/fonts/'));");
    }

    /** The fonts on the PDF's pages, each embedded, by name without the subset prefix ("ABCDEF+NotoSans-Regular"). */
    private static List<String> embeddedFonts(byte[] pdf) throws IOException {
        List<String> names = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    names.add(font.getName().substring(font.getName().indexOf('+') + 1));
                }
            }
        }
        return names;
    }
}
