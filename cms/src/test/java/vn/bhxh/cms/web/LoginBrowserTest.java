package vn.bhxh.cms.web;

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
