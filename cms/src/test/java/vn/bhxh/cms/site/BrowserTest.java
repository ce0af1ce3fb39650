package vn.bhxh.cms.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.bhxh.cms.Await;
import vn.bhxh.cms.CmsIntegrationTest;
import vn.bhxh.cms.elasticsearch.IndexInitializer;
import vn.bhxh.cms.security.UserAccountStore;

/**
 * The application on a random port driven by Debian's headless chromium (installed by bin/setup-machine) through
 * Debian's chromedriver; no Selenium Manager download. One browser per test class; screenshots of pages go to
 * {@code cms/target/screenshots/<name>.png}, downloads to a temporary directory.
 */
@CmsIntegrationTest
abstract class BrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Duration WAIT = Duration.ofSeconds(20);

    static WebDriver driver;
    static Path downloads;

    /** A failed test leaves what the browser showed: its screenshot and HTML, named after the test. */
    @org.junit.jupiter.api.extension.RegisterExtension
    static final org.junit.jupiter.api.extension.TestWatcher FAILURES = new org.junit.jupiter.api.extension.TestWatcher() {
        @Override
        public void testFailed(org.junit.jupiter.api.extension.ExtensionContext context, Throwable cause) {
            if (driver == null) {
                return;
            }
            try {
                Files.createDirectories(SCREENSHOTS);
                String name = "FAILED-" + context.getRequiredTestMethod().getName();
                Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
                Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
                Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getCurrentUrl() + "\n" + driver.getPageSource());
            } catch (IOException | RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
    };

    @LocalServerPort
    int port;

    @Autowired
    IndexInitializer indices;

    @Autowired
    UserAccountStore accounts;

    @Autowired
    PasswordEncoder passwords;

    @BeforeEach
    void browser() throws IOException {
        Await.until(indices::isReady, Duration.ofSeconds(30), "indices created");
        if (driver == null) {
            assertThat(CHROMIUM).as("chromium (bin/debian-packages)").isExecutable();
            assertThat(CHROMEDRIVER).as("chromium-driver (bin/debian-packages)").isExecutable();
            downloads = Files.createTempDirectory("bhxh-downloads");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            // As root chromium needs --no-sandbox; a fixed window size keeps screenshots comparable.
            options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                    "--lang=vi", "--disable-gpu");
            options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false, "intl.accept_languages", "vi"));
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort().build();
            driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        }
        driver.manage().deleteAllCookies();
    }

    @AfterAll
    static void closeBrowser() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void open(String path) {
        driver.get(url(path));
    }

    void login(String username) {
        login(username, WebUsers.PASSWORD);
    }

    void login(String username, String password) {
        driver.manage().deleteAllCookies();
        open("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        waitFor(By.id("current-user"));
    }

    WebElement waitFor(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void waitUntilText(By by, String text) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    String sessionCookie() {
        return driver.manage().getCookieNamed("JSESSIONID").getValue();
    }

    /** Saves what the browser shows now as {@code target/screenshots/<name>.png}. */
    void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
