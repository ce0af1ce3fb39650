package vn.bhxh.cms.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import vn.bhxh.cms.Await;
import vn.bhxh.cms.elasticsearch.IndexInitializer;
import vn.bhxh.cms.product.ProductInfo;
import vn.bhxh.cms.product.ProductService;
import vn.bhxh.cms.product.ProductType;
import vn.bhxh.cms.product.Scope;
import vn.bhxh.cms.product.Variant;
import vn.bhxh.cms.product.VariantContent;
import vn.bhxh.cms.report.Commune;
import vn.bhxh.cms.report.OrgUnitService;
import vn.bhxh.cms.report.ReportPeriod;
import vn.bhxh.cms.security.Actor;
import vn.bhxh.cms.security.Role;
import vn.bhxh.cms.security.Scopes;

/**
 * A province's month of reporting in the browser: a broadcast logged, the report prefilled from it, bad input refused
 * with the typed values kept, completed, signed off, returned, fixed, accepted, exported; then the centre's view with
 * the province on time and the charts drawn, and every report page in Vietnamese and English.
 */
class ReportBrowserTest extends BrowserTest {

    @Autowired
    OrgUnitService units;

    /** On a busy machine creating the indices may take longer than the base class waits. */
    @BeforeAll
    static void indicesReady(@Autowired IndexInitializer indices) {
        Await.until(indices::isReady, Duration.ofSeconds(180), "indices created");
    }

    @Autowired
    ProductService products;

    @Test
    void aProvinceReportsAMonthAndTheCentreSeesIt() throws Exception {
        String staff = WebUsers.ensure(accounts, passwords, "bt-bc-hue", "Cán bộ BHXH Huế", Set.of(Role.PROVINCIAL_STAFF),
                WebUsers.province("HUE"));
        String signer = WebUsers.ensure(accounts, passwords, "bt-bc-hue-duyet", "Lãnh đạo BHXH Huế", Set.of(Role.REPORT_APPROVER),
                WebUsers.province("HUE"));
        String centre = WebUsers.ensure(accounts, passwords, "bt-bc-trung-tam", "Lãnh đạo Trung tâm", Set.of(Role.APPROVER),
                Scopes.NONE);
        Actor staffActor = new Actor(staff, Set.of(Role.PROVINCIAL_STAFF), WebUsers.province("HUE"));
        units.saveCommunes(staffActor, "HUE", List.of(new Commune(null, "HUE", "HUE-TH", "Phường Thuận Hóa"),
                new Commune(null, "HUE", "HUE-PD", "Xã Phong Điền")));
        Variant radio = products.createProduct(staffActor, new ProductInfo(ProductType.RADIO_FILE, Set.of("VOLUNTARY_SI"),
                Set.of("3.1"), null, Scope.LOCAL, "HUE", null, Set.of(), null, null),
                new VariantContent("File phát thanh BHXH tự nguyện cho xã", "Phát trên loa xã", "<p>Kịch bản</p>", List.of()));
        LocalDate today = LocalDate.now(ReportPeriod.VIETNAM);
        String month = "%d-%02d".formatted(today.getYear(), today.getMonthValue());
        String report = "/reports/HUE/" + month;

        // The broadcast log: three broadcasts today in Thuận Hóa, still below the weekly target.
        login(staff);
        open("/reports");
        driver.findElement(By.id("broadcasts-link")).click();
        new Select(waitFor(By.id("b-commune"))).selectByValue("HUE-TH");
        driver.findElement(By.id("b-product")).sendKeys(radio.productId());
        WebElement times = driver.findElement(By.id("b-times"));
        times.clear();
        times.sendKeys("3");
        driver.findElement(By.id("log-broadcast")).click();
        waitUntilText(By.cssSelector("#week-table tr[data-commune='HUE-TH']"), "3");
        assertThat(driver.findElement(By.id("below-target")).getText()).contains("Phường Thuận Hóa: 3 lượt").contains("Xã Phong Điền");

        // The communes page: one more commune from an Excel file, and the addresses that get the deadline reminders.
        open("/reports/communes?province=HUE");
        Path communes = Files.createTempFile("xa-", ".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Xã");
            sheet.createRow(0).createCell(0).setCellValue("Mã xã");
            sheet.getRow(0).createCell(1).setCellValue("Tên xã");
            sheet.createRow(1).createCell(0).setCellValue("HUE-AL");
            sheet.getRow(1).createCell(1).setCellValue("Xã A Lưới 1");
            try (OutputStream out = Files.newOutputStream(communes)) {
                workbook.write(out);
            }
        }
        waitFor(By.id("c-file")).sendKeys(communes.toString());
        driver.findElement(By.id("import-communes")).click();
        waitUntilText(By.id("commune-table"), "Xã A Lưới 1");
        WebElement emails = driver.findElement(By.id("contact-emails"));
        emails.sendKeys("bao-cao@hue.vss.gov.vn\nkhong dung dang");
        driver.findElement(By.id("save-contacts")).click();
        waitUntilText(By.cssSelector(".flash"), "không đúng dạng");
        emails = waitFor(By.id("contact-emails"));
        emails.clear();
        emails.sendKeys("bao-cao@hue.vss.gov.vn");
        driver.findElement(By.id("save-contacts")).click();
        waitUntilText(By.id("contact-list"), "bao-cao@hue.vss.gov.vn");

        // The month's report, prefilled from the log.
        open("/reports");
        new Select(waitFor(By.id("new-period"))).selectByValue(month);
        driver.findElement(By.id("create-report")).click();
        waitFor(By.id("report-title"));
        assertThat(driver.findElement(By.id("f03c16")).getAttribute("value")).isEqualTo("3");
        assertThat(driver.findElement(By.id("f03c16-note")).getText()).contains("Nhật ký phát thanh");

        // Bad input is refused next to its cell, and what was typed stays on the page.
        type("f03c3", "-3");
        type("f03c9", "mười hai");
        driver.findElement(By.id("save-report")).click();
        waitFor(By.id("form-errors"));
        assertThat(driver.findElement(By.id("f03c3-note")).getText()).contains("không được là số âm");
        assertThat(driver.findElement(By.id("f03c9-note")).getText()).contains("phải là số nguyên");
        assertThat(driver.findElement(By.id("f03c9")).getAttribute("value")).isEqualTo("mười hai");
        type("f03c3", "4");
        type("f03c9", "12");
        driver.findElement(By.id("highlights")).sendKeys("Hội nghị khách hàng tại Phong Điền");
        driver.findElement(By.id("save-report")).click();
        waitUntilText(By.cssSelector(".flash"), "Đã lưu");
        screenshot("report-form");

        // Signed off by the province's approver, returned by the centre, fixed, sent again, accepted.
        step(signer, report, "SUBMIT", null, "Đã gửi");
        step(centre, report, "RETURN", "Thiếu số tin bài trên Cổng (cột 17)", "Bị trả lại");
        login(staff);
        open(report);
        assertThat(waitFor(By.id("return-comment")).getText()).contains("cột 17");
        type("f03c17", "6");
        driver.findElement(By.id("save-report")).click();
        waitUntilText(By.cssSelector(".flash"), "Đã lưu");
        step(signer, report, "SUBMIT", null, "Đã gửi");
        step(centre, report, "ACCEPT", null, "Đã tiếp nhận");
        assertThat(driver.findElement(By.id("report-history")).getText()).contains("trả lại").contains("tiếp nhận");

        // Exported as XLSX.
        driver.findElement(By.id("export-xlsx")).click();
        Path file = downloads.resolve("bao-cao-HUE-" + month + ".xlsx");
        Await.until(() -> Files.exists(file), Duration.ofSeconds(20), "XLSX downloaded");
        Await.until(() -> sizeOf(file) > 0, Duration.ofSeconds(20), "XLSX written");
        assertThat(new String(Files.readAllBytes(file), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        // And as a PDF made on the server, laid out like the form.
        driver.findElement(By.id("export-pdf")).click();
        Path pdf = downloads.resolve("bao-cao-HUE-" + month + ".pdf");
        Await.until(() -> Files.exists(pdf) && sizeOf(pdf) > 0, Duration.ofSeconds(20), "PDF downloaded");
        Await.until(() -> startsWithPdf(pdf), Duration.ofSeconds(20), "PDF written");

        // The centre's view: the province on time (before the 28th), the charts drawn from the data.
        open("/reports/overview?period=" + month);
        String status = today.getDayOfMonth() < 28 ? "Đúng hạn" : "Trễ hạn";
        assertThat(waitFor(By.cssSelector("#completeness-table tr[data-province='HUE']")).getText()).contains("Huế").contains(status);
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.attributeToBe(By.id("chart-provinces"), "data-rendered", "f03c2"));
        assertThat(driver.findElements(By.cssSelector("#chart-provinces svg"))).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("#chart-months svg"))).isNotEmpty();
        new Select(driver.findElement(By.id("chart-column"))).selectByValue("f03c9");
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.attributeToBe(By.id("chart-months"), "data-rendered", "f03c9"));
        // Other tests' provinces may have reported this month too: the national total holds at least this province's 12.
        String total = driver.findElement(By.cssSelector("#totals-table tr[data-key='f03c9'] td.number")).getText();
        assertThat(Long.parseLong(total.replace(".", ""))).isGreaterThanOrEqualTo(12);
        // The plan's yearly targets include the infographics (≥ 5) and the campaign waves (≥ 6), not only articles.
        assertThat(driver.findElement(By.cssSelector("#targets-table tr[data-target='infographics']")).getText()).contains("Infographic")
                .contains("5");
        assertThat(driver.findElement(By.cssSelector("#targets-table tr[data-target='campaign-waves']")).getText())
                .contains("Đợt truyền thông").contains("6");
        assertThat(driver.findElement(By.id("summary-pdf")).getAttribute("href")).contains("/reports/summary.pdf?period=" + month);
        screenshot("report-overview");

        // Every report page in both languages, with no message left unresolved.
        for (String language : List.of("vi", "en")) {
            for (String page : List.of("/reports", report, report + "/print", "/reports/overview?period=" + month,
                    "/reports/broadcasts?province=HUE", "/reports/communes?province=HUE")) {
                open(page + (page.contains("?") ? "&" : "?") + "lang=" + language);
                waitFor(By.id("main"));
                assertThat(driver.getPageSource()).as(page + " " + language).doesNotContain("??")
                        .contains("lang=\"" + language + "\"");
            }
        }
        assertThat(pageText()).contains("Communes of");
    }

    private void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private void step(String user, String report, String action, String comment, String state) {
        login(user);
        open(report);
        if (comment != null) {
            waitFor(By.id("step-comment")).sendKeys(comment);
        }
        waitFor(By.id("step-" + action)).click();
        waitUntilText(By.id("report-state"), state);
    }

    private static boolean startsWithPdf(Path file) {
        try {
            return new String(Files.readAllBytes(file), 0, 4, StandardCharsets.ISO_8859_1).equals("%PDF");
        } catch (IOException | IndexOutOfBoundsException e) {
            return false;
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
