package vn.bhxh.cms.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import vn.bhxh.cms.CmsIntegrationTest;
import vn.bhxh.cms.TestImages;
import vn.bhxh.cms.distribution.JobView;
import vn.bhxh.cms.distribution.ScheduleCommand;
import vn.bhxh.cms.distribution.ScheduleService;
import vn.bhxh.cms.distribution.TargetCommand;
import vn.bhxh.cms.distribution.TargetService;
import vn.bhxh.cms.product.ProductInfo;
import vn.bhxh.cms.product.ProductService;
import vn.bhxh.cms.product.ProductType;
import vn.bhxh.cms.product.Scope;
import vn.bhxh.cms.product.Variant;
import vn.bhxh.cms.product.VariantContent;
import vn.bhxh.cms.security.Actor;
import vn.bhxh.cms.security.Role;
import vn.bhxh.cms.security.Scopes;
import vn.bhxh.cms.workflow.WorkflowAction;
import vn.bhxh.publisher.feed.AppFeedChannel;

/**
 * Issue 14, points 8, 9 and 11 in Chromium: the variant page (content left, a sidebar with status, the next step,
 * names instead of codes, thumbnails, archive behind a dialog), the editorial calendar (month and week, filters,
 * campaign periods, a job's page, sane navigation, a past date refused at its field), and the main pages on a 360 px
 * phone (the header folds into a menu, nothing wider than the screen, wide tables scroll with a cue).
 */
class EditorialPagesBrowserTest extends BrowserTest {

    /** A Tày-like compound with no space: it must wrap, not widen the page. */
    private static final String LONG_WORD = "Bảohiểmxãhộitựnguyệnchongườilaođộngtựdotạiđịaphương".repeat(3);
    private static final String CAMPAIGN = "SI-FOR-ALL-MONTH";
    private static final String CAMPAIGN_NAME = "Tháng vận động triển khai BHXH toàn dân (tháng 5)";

    @Autowired
    ProductService products;

    @Autowired
    ScheduleService schedules;

    @Autowired
    TargetService targets;

    @Test
    void theVariantPageShowsContentBesideASidebarAndConfirmsArchiving() throws Exception {
        String suffix = suffix();
        String editorName = WebUsers.ensure(accounts, passwords, "bt-trang-" + suffix, "Phạm Thị Biên Tập", Set.of(Role.EDITOR),
                Scopes.NONE);
        Actor editor = new Actor(editorName, Set.of(Role.EDITOR), Scopes.NONE);
        String title = "Tờ rơi BHXH tự nguyện " + suffix + " " + LONG_WORD;
        Variant leaflet = products.createProduct(editor, new ProductInfo(ProductType.LEAFLET, Set.of("VOLUNTARY_SI"), Set.of("3"),
                CAMPAIGN, Scope.NATIONAL, null, null, Set.of(), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)),
                new VariantContent(title, "Lợi ích khi tham gia.", "<p>" + LONG_WORD + "</p>", List.of()));
        Variant radio = products.createProduct(editor, new ProductInfo(ProductType.RADIO_FILE, Set.of(), Set.of(), null,
                Scope.NATIONAL, null, null, Set.of(), null, null),
                new VariantContent("Phát thanh BHXH tự nguyện " + suffix, null, null, List.of()));

        login(editorName);
        open("/products/" + leaflet.productId() + "/variants/vi");
        WebElement content = waitFor(By.id("content"));
        WebElement sidebar = driver.findElement(By.id("variant-sidebar"));
        // Content on the left, the sidebar on its right.
        assertThat(sidebar.getRect().getX()).isGreaterThan(content.getRect().getX() + content.getRect().getWidth() - 1);
        assertThat(driver.findElement(By.id("workflow")).getText()).contains("Bản nháp");
        WebElement submit = driver.findElement(By.id("action-SUBMIT"));
        assertThat(submit.getAttribute("class")).contains("primary");
        // Archive is not beside the daily step: it sits apart, as a plain (not primary) danger button.
        assertThat(driver.findElements(By.cssSelector("#workflow-form #action-ARCHIVE"))).isEmpty();
        WebElement archive = driver.findElement(By.cssSelector("#danger-zone #action-ARCHIVE"));
        assertThat(archive.getAttribute("class")).contains("danger").doesNotContain("primary");

        // What the product is, in names.
        assertThat(driver.findElement(By.id("meta-type")).getText()).isEqualTo("Tờ rơi");
        assertThat(driver.findElement(By.id("meta-topics")).getText()).isEqualTo("BHXH tự nguyện");
        assertThat(driver.findElement(By.id("meta-audiences")).getText()).isEqualTo("Nhóm chủ thể tham gia BHXH tự nguyện, BHYT hộ gia đình");
        assertThat(driver.findElement(By.id("meta-campaign")).getText()).isEqualTo(CAMPAIGN_NAME);
        assertThat(driver.findElement(By.id("meta-scope")).getText()).isEqualTo("Toàn quốc");
        assertThat(driver.findElement(By.id("meta-validity")).getText()).isEqualTo("Từ 01/01/2026 đến hết 31/12/2026");
        assertThat(driver.findElement(By.id("languages")).getText()).contains("Tiếng Việt", "Bản nháp");
        assertThat(sidebar.getText()).doesNotContain("VOLUNTARY_SI", CAMPAIGN, "NATIONAL", "LEAFLET");

        // The long word wraps: neither the page nor the title is wider than its box.
        assertThat(scrollWidth()).isLessThanOrEqualTo(viewportWidth());
        WebElement heading = driver.findElement(By.id("variant-title"));
        assertThat(Long.parseLong(heading.getDomProperty("scrollWidth"))).isLessThanOrEqualTo(Long.parseLong(heading.getDomProperty("clientWidth")));

        // A leaflet's upload starts as a print master; the picture goes up and shows as a thumbnail with its role's name.
        assertThat(new Select(driver.findElement(By.id("upload-kind"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("PRINT_MASTER");
        assertThat(new Select(driver.findElement(By.id("upload-role"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("print-master");
        Path png = Files.createTempFile("to-roi-", ".png");
        Files.write(png, TestImages.png(640, 900));
        driver.findElement(By.id("upload-file")).sendKeys(png.toString());
        driver.findElement(By.id("upload-button")).click();
        waitUntilText(By.id("upload-status"), "Đã tải lên");
        open("/products/" + leaflet.productId() + "/variants/vi");
        WebElement thumb = waitFor(By.cssSelector("#file-list img.file-thumb"));
        new WebDriverWait(driver, WAIT).until(d -> ((Number) js("return arguments[0].naturalWidth", thumb)).intValue() > 0);
        assertThat(thumb.getAttribute("src")).contains("/thumbnails/small");
        assertThat(driver.findElement(By.id("file-list")).getText()).contains(png.getFileName().toString(), "Bản in gốc (maket)")
                .doesNotContain("print-master");
        screenshot("variant-1-sidebar");

        // Archiving asks first: cancelling leaves the draft as it was; confirming archives it.
        driver.findElement(By.id("action-ARCHIVE")).click();
        WebElement dialog = waitFor(By.id("confirm-ARCHIVE"));
        assertThat(dialog.getText()).contains("Lưu trữ sản phẩm này?");
        screenshot("variant-2-confirm-archive");
        driver.findElement(By.id("confirm-ARCHIVE-cancel")).click();
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.invisibilityOfElementLocated(By.id("confirm-ARCHIVE")));
        assertThat(driver.findElement(By.id("variant-state")).getText()).isEqualTo("Bản nháp");
        driver.findElement(By.id("action-ARCHIVE")).click();
        waitFor(By.id("confirm-ARCHIVE-button")).click();
        waitUntilText(By.id("variant-state"), "Đã lưu trữ");

        // A radio file's upload starts as broadcast audio.
        open("/products/" + radio.productId() + "/variants/vi");
        assertThat(new Select(waitFor(By.id("upload-kind"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("RADIO");
        assertThat(new Select(driver.findElement(By.id("upload-role"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("audio");
    }

    @Test
    void theCalendarShowsMonthsAndWeeksPerChannelWithCampaignsAndOpensAJob() throws Exception {
        String suffix = suffix();
        String editorName = WebUsers.ensure(accounts, passwords, "bt-lich-tt-" + suffix, "Đỗ Văn Lịch", Set.of(Role.EDITOR),
                Scopes.NONE);
        Actor editor = new Actor(editorName, Set.of(Role.EDITOR), Scopes.NONE);
        String target = "vssid-lich-tt-" + suffix;
        targets.create(new Actor("admin", Set.of(Role.ADMIN), Scopes.NONE), new TargetCommand(target, AppFeedChannel.CHANNEL,
                "Bảng tin VssID " + suffix, null, null, null, null, List.of(), null));
        String title = "Khẩu hiệu tháng 5 " + suffix;
        Variant v = products.createProduct(editor, new ProductInfo(ProductType.SLOGAN, Set.of(), Set.of(), CAMPAIGN, Scope.NATIONAL,
                null, null, Set.of(), null, null), new VariantContent(title, null, null, List.of()));
        String id = v.productId();
        v = products.transition(editor, id, "vi", v.seqNoPrimaryTerm(), WorkflowAction.SUBMIT, null);
        v = products.transition(new Actor("td-" + suffix, Set.of(Role.REVIEWER), Scopes.NONE), id, "vi", v.seqNoPrimaryTerm(),
                WorkflowAction.REVIEW, null);
        products.transition(new Actor("ld-" + suffix, Set.of(Role.APPROVER), Scopes.NONE), id, "vi", v.seqNoPrimaryTerm(),
                WorkflowAction.APPROVE, null);
        // Next May, in the campaign: far enough ahead that nothing sends it while the test runs.
        LocalDate today = LocalDate.now(WebFormats.VIETNAM);
        LocalDate day = LocalDate.of(today.getYear() + 1, 5, 12);
        List<JobView> jobs = schedules.schedule(editor, new ScheduleCommand(id, "vi", List.of(target), day.atTime(8, 30), null,
                null, null));
        String jobId = jobs.getFirst().id();
        try {
            login(editorName);
            // The header links the calendar; it opens on this month, and a month back and forth comes back to it.
            driver.findElement(By.id("nav-calendar")).click();
            YearMonth now = YearMonth.from(today);
            assertThat(waitFor(By.id("calendar-range")).getText()).isEqualTo(monthTitle(now));
            driver.findElement(By.id("calendar-prev")).click();
            waitUntilText(By.id("calendar-range"), monthTitle(now.minusMonths(1)));
            driver.findElement(By.id("calendar-next")).click();
            waitUntilText(By.id("calendar-range"), monthTitle(now));
            driver.findElement(By.id("calendar-next")).click();
            waitUntilText(By.id("calendar-range"), monthTitle(now.plusMonths(1)));

            // May of next year: the campaign period across the grid, the job on its day by time, channel name and title.
            open("/publishing/calendar?day=" + day);
            assertThat(waitFor(By.id("calendar-range")).getText()).isEqualTo(monthTitle(YearMonth.from(day)));
            assertThat(driver.findElement(By.id("calendar-campaigns")).getText()).contains(CAMPAIGN_NAME);
            WebElement cell = driver.findElement(By.cssSelector("#month-grid td[data-day='" + day + "']"));
            assertThat(cell.getAttribute("class")).contains("in-campaign");
            WebElement job = cell.findElement(By.xpath(".//a[contains(@class,'job')][contains(., '" + title + "')]"));
            assertThat(job.getText()).contains("08:30", "Bảng tin ứng dụng VssID", title);
            assertThat(driver.findElement(By.cssSelector("#month-grid td[data-day='" + day.withDayOfMonth(1) + "'] .band")).getText())
                    .isEqualTo(CAMPAIGN_NAME);
            assertThat(pageText()).doesNotContain("APP_FEED", CAMPAIGN, "PENDING");
            screenshot("calendar-1-month");

            // Filters: another channel or another campaign hides it; its own brings it back.
            new Select(driver.findElement(By.id("channel"))).selectByVisibleText("Trang Facebook");
            driver.findElement(By.id("calendar-filter")).click();
            waitFor(By.id("month-grid"));
            assertThat(driver.findElement(By.id("month-grid")).getText()).doesNotContain(title);
            assertThat(driver.findElement(By.id("calendar-range")).getText()).isEqualTo(monthTitle(YearMonth.from(day)));
            new Select(driver.findElement(By.id("channel"))).selectByVisibleText("Bảng tin ứng dụng VssID");
            new Select(driver.findElement(By.id("campaign"))).selectByVisibleText(CAMPAIGN_NAME);
            driver.findElement(By.id("calendar-filter")).click();
            assertThat(waitFor(By.id("month-grid")).getText()).contains(title);
            open("/publishing/calendar?day=" + day + "&campaign=PARTY-FOUNDING");
            assertThat(waitFor(By.id("month-grid")).getText()).doesNotContain(title);

            // The week: one row per channel; the job in the VssID row on its day.
            open("/publishing/calendar?day=" + day);
            waitFor(By.cssSelector("#month-grid td[data-day='" + day + "'] a.day-number")).click();
            WebElement lane = waitFor(By.cssSelector("#week-grid tr[data-channel='APP_FEED']"));
            assertThat(lane.getText()).contains("Bảng tin ứng dụng VssID", title, "Chờ đến giờ");
            assertThat(driver.findElement(By.cssSelector("#week-grid tr[data-channel='FACEBOOK']")).getText()).doesNotContain(title);
            assertThat(driver.findElement(By.cssSelector("#week-grid .band-row")).getText()).contains(CAMPAIGN_NAME);
            String weekTitle = driver.findElement(By.id("calendar-range")).getText();
            driver.findElement(By.id("calendar-next")).click();
            driver.findElement(By.id("calendar-prev")).click();
            waitUntilText(By.id("calendar-range"), weekTitle);
            screenshot("calendar-2-week");

            // The job opens from the calendar.
            lane = waitFor(By.cssSelector("#week-grid tr[data-channel='APP_FEED']"));
            lane.findElement(By.xpath(".//a[contains(., '" + title + "')]")).click();
            assertThat(waitFor(By.id("job-title")).getText()).isEqualTo(title);
            assertThat(driver.findElement(By.id("job-facts")).getText()).contains("Bảng tin ứng dụng VssID", "Bảng tin VssID " + suffix,
                    WebFormats.DATE.format(day) + " 08:30", "Chờ đến giờ", CAMPAIGN_NAME).doesNotContain(jobId);
            screenshot("calendar-3-job");

            // Scheduling for a past day: the message sits at the time field, in Vietnamese; the calendar stays on this week.
            open("/products/" + id + "/variants/vi/schedule");
            driver.findElement(By.cssSelector("input[name=targets][value='" + target + "']")).click();
            WebElement publishAt = driver.findElement(By.id("publishAt"));
            js("arguments[0].value = '2019-03-04T08:00'", publishAt);
            driver.findElement(By.id("schedule-button")).click();
            WebElement error = waitFor(By.id("publishAt-error"));
            assertThat(error.getText()).contains("Thời điểm đăng đã qua", "04/03/2019 08:00");
            assertThat(driver.findElement(By.id("publishAt")).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(driver.findElements(By.id("schedule-error"))).isEmpty();
            assertThat(driver.findElement(By.cssSelector("#week-grid thead")).getText()).contains(WebFormats.DATE.format(today))
                    .doesNotContain("2019");
            screenshot("calendar-4-past-date");
        } finally {
            schedules.cancel(editor, jobId, "Hết phép thử lịch");
        }
    }

    @Test
    void onAPhoneTheHeaderFoldsAndNoMainPageIsWiderThanTheScreen() throws Exception {
        String suffix = suffix();
        Actor editor = new Actor("bt-dien-thoai-" + suffix, Set.of(Role.EDITOR), Scopes.NONE);
        Variant v = products.createProduct(editor, new ProductInfo(ProductType.LEAFLET, Set.of("VOLUNTARY_SI"), Set.of(), CAMPAIGN,
                Scope.NATIONAL, null, null, Set.of(), null, null),
                new VariantContent("Điện thoại " + suffix + " " + LONG_WORD, LONG_WORD, "<p>" + LONG_WORD + "</p>", List.of()));
        products.requestTranslation(editor, v.productId(), "tyz");
        String variant = "/products/" + v.productId() + "/variants/vi";
        login(CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD);
        ChromeDriver chrome = (ChromeDriver) driver;
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 360, "height", 740, "deviceScaleFactor", 1, "mobile", true));
        try {
            List<String> pages = List.of("/", "/products", "/products/new", variant, variant + "/edit", variant + "/previews",
                    variant + "/compare", "/publishing/calendar", "/publishing/calendar?view=week", "/review", "/translate",
                    "/catalogue", "/downloads", "/reports", "/profile", "/admin/users", "/admin/targets", "/admin/audit");
            int shot = 0;
            for (String page : pages) {
                open(page);
                waitFor(By.id("menu-button"));
                // A page wider than the phone makes a mobile browser widen its layout viewport to fit it.
                assertThat(viewportWidth()).as("%s is wider than the phone, by %s", page, widest()).isEqualTo(360);
                assertThat(scrollWidth()).as("horizontal overflow on %s, by %s", page, widest()).isLessThanOrEqualTo(360);
                // Folded: the menu is closed until its button opens it.
                assertThat(driver.findElement(By.id("site-menu")).isDisplayed()).as(page).isFalse();
                assertThat(driver.findElement(By.id("site-header")).getRect().getHeight()).as(page).isLessThan(80);
                if (shot++ < 3 || page.startsWith("/publishing")) {
                    screenshot("phone-" + shot + page.replaceAll("[^a-z]+", "-"));
                }
            }
            // The menu opens and closes with its button, and its links work.
            open("/products");
            WebElement button = waitFor(By.id("menu-button"));
            assertThat(button.getAttribute("aria-expanded")).isEqualTo("false");
            button.click();
            assertThat(waitFor(By.id("site-menu")).isDisplayed()).isTrue();
            assertThat(button.getAttribute("aria-expanded")).isEqualTo("true");
            assertThat(driver.findElement(By.id("current-user")).isDisplayed()).isTrue();
            assertThat(scrollWidth()).isLessThanOrEqualTo(360);
            screenshot("phone-menu-open");
            driver.findElement(By.id("nav-calendar")).click();
            // The month grid is wider than the phone: it scrolls inside its box, which says so.
            WebElement wrap = waitFor(By.cssSelector(".calendar-wrap"));
            assertThat(wrap.getAttribute("class")).contains("overflowing");
            assertThat(Long.parseLong(wrap.getDomProperty("scrollWidth"))).isGreaterThan(Long.parseLong(wrap.getDomProperty("clientWidth")));
            WebElement hint = driver.findElement(By.cssSelector(".calendar-wrap + .scroll-hint"));
            assertThat(hint.isDisplayed()).isTrue();
            assertThat(hint.getText()).contains("vuốt hoặc cuộn ngang");
            assertThat(scrollWidth()).isLessThanOrEqualTo(360);
            screenshot("phone-calendar-scroll-cue");
        } finally {
            chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    private static String suffix() {
        return String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    }

    private static String monthTitle(YearMonth month) {
        return "Tháng " + month.getMonthValue() + "/" + month.getYear();
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** What sticks out past the screen's right edge, to say where an overflow comes from. */
    private static Object widest() {
        return js("return Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > 361 || e.scrollWidth > 361)"
                + ".slice(0, 5).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ')");
    }

    private static long scrollWidth() {
        return ((Number) js("return document.scrollingElement.scrollWidth")).longValue();
    }

    private static long viewportWidth() {
        return ((Number) js("return window.innerWidth")).longValue();
    }
}
