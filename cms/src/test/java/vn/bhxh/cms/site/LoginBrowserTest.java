package vn.bhxh.cms.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import vn.bhxh.cms.security.Role;
import vn.bhxh.cms.security.Scopes;

/** Signing in and out, the header, the language switch and role-based page access, in a real browser. */
class LoginBrowserTest extends BrowserTest {

    @Test
    void signInShowsTheUserAndRolesAndTheLanguageSwitchPersists() throws Exception {
        String editor = WebUsers.ensure(accounts, passwords, "trinh-duyet-bt", "Nguyễn Thị Biên Tập", Set.of(Role.EDITOR), Scopes.NONE);
        open("/");
        assertThat(driver.getCurrentUrl()).endsWith("/login");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Đăng nhập");
        screenshot("01-login");

        driver.findElement(By.id("username")).sendKeys(editor);
        driver.findElement(By.id("password")).sendKeys("sai-mat-khau");
        driver.findElement(By.cssSelector("#login-form button")).click();
        assertThat(waitFor(By.id("login-error")).getText()).contains("Sai tên đăng nhập hoặc mật khẩu");

        login(editor);
        assertThat(driver.findElement(By.id("current-user")).getText()).contains("Nguyễn Thị Biên Tập", "Biên tập");
        assertThat(pageText()).contains("Bản nháp của tôi", "Sắp phát hành trong tuần", "Lượt gửi thất bại");
        screenshot("02-dashboard");

        open("/?lang=en");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Dashboard");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        open("/catalogue");
        assertThat(pageText()).contains("Catalogue", "Sign out");
        open("/?lang=vi");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Bảng điều khiển");

        driver.findElement(By.cssSelector("form[action$='/logout'] button")).click();
        assertThat(waitFor(By.cssSelector("p.notice")).getText()).contains("Bạn đã đăng xuất");
        open("/");
        assertThat(driver.getCurrentUrl()).endsWith("/login");
    }

    @Test
    void keyboardUsersSkipTheNavigationAndPhonesNeedNoSidewaysScrolling() throws Exception {
        String provincial = WebUsers.ensure(accounts, passwords, "tinh-dien-bien-bt", "Cán bộ Điện Biên",
                Set.of(Role.PROVINCIAL_STAFF), WebUsers.province("DB"));
        login(provincial);
        open("/catalogue");
        // The first Tab reaches the skip link, which leads to the main content.
        driver.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.TAB);
        org.openqa.selenium.WebElement focused = driver.switchTo().activeElement();
        assertThat(focused.getAttribute("class")).isEqualTo("skip-link");
        assertThat(focused.isDisplayed()).isTrue();
        // Every input of the page has a label.
        Long unlabelled = (Long) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "return Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea'))"
                        + ".filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')).length;");
        assertThat(unlabelled).isZero();
        // A phone-sized window: the page fits its width.
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            open("/catalogue");
            Boolean fits = (Boolean) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                    "return document.documentElement.scrollWidth <= window.innerWidth;");
            assertThat(fits).isTrue();
            screenshot("14-catalogue-phone");
        } finally {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        }
    }

    @Test
    void provincialStaffCannotOpenTheEditorAndSeeAReadableRefusal() throws Exception {
        String provincial = WebUsers.ensure(accounts, passwords, "tinh-ha-giang-bt", "Cán bộ Hà Giang",
                Set.of(Role.PROVINCIAL_STAFF), WebUsers.province("HG"));
        login(provincial);
        assertThat(driver.findElements(By.linkText("Tạo sản phẩm"))).isEmpty();
        open("/products/new");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Không có quyền truy cập");
        assertThat(pageText()).contains("Vai trò của bạn không được mở trang này").doesNotContain("Exception", "Whitelabel");
        open("/admin/users");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Không có quyền truy cập");
        screenshot("03-forbidden");
    }
}
