package vn.bhxh.cms.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.bhxh.cms.Await;
import vn.bhxh.cms.CmsIntegrationTest;
import vn.bhxh.cms.audit.AuditLog;
import vn.bhxh.cms.elasticsearch.IndexInitializer;
import vn.bhxh.cms.security.Role;
import vn.bhxh.cms.security.Scopes;
import vn.bhxh.cms.security.UserAccountStore;

/** The web pages' security over real HTTP: CSRF, CSP, session fixation, sign-in throttling, readable refusals. */
@CmsIntegrationTest
class WebSecurityTest {

    @LocalServerPort
    int port;

    @Autowired
    IndexInitializer indices;

    @Autowired
    UserAccountStore accounts;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    AuditLog audit;

    String editor;

    @BeforeEach
    void users() {
        Await.until(indices::isReady, Duration.ofSeconds(30), "indices created");
        editor = WebUsers.ensure(accounts, passwords, "web-bien-tap", "Biên tập viên", Set.of(Role.EDITOR), Scopes.NONE);
    }

    @Test
    void pagesCarryAContentSecurityPolicyWithoutInlineScripts() {
        HttpResponse<String> login = new WebClient(port).get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        String csp = login.headers().firstValue("Content-Security-Policy").orElseThrow();
        String scriptSrc = csp.substring(csp.indexOf("script-src"));
        scriptSrc = scriptSrc.substring(0, scriptSrc.indexOf(';'));
        assertThat(scriptSrc).isEqualTo("script-src 'self'");
        assertThat(csp).contains("object-src 'none'", "frame-ancestors 'none'").doesNotContain("unsafe-inline'; script");
        // No inline script or handler on the page itself.
        assertThat(login.body()).doesNotContain("<script>").doesNotContainPattern(" on[a-z]+=\"");
        assertThat(login.body()).contains("<html lang=\"vi\"", "Đăng nhập", "Tên đăng nhập", "Mật khẩu");
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefused() {
        WebClient client = new WebClient(port);
        assertThat(client.login(editor, WebUsers.PASSWORD).statusCode()).isEqualTo(302);
        HttpResponse<String> forged = client.postForm("/products/new", Map.of("type", "LEAFLET", "title", "Giả mạo"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("Không có quyền truy cập").doesNotContain("Exception");
        // The same login without a token is refused too (a forged sign-in into the attacker's account).
        HttpResponse<String> forgedLogin = new WebClient(port).postForm("/login", Map.of("username", editor, "password", WebUsers.PASSWORD));
        assertThat(forgedLogin.statusCode()).isEqualTo(403);
    }

    /**
     * The API keeps no session, but a browser (or a script on our pages) sends the session cookie with its API calls:
     * they must leave that session as it is. Changing its id there (sign-in protection, meant for the form sign-in)
     * removed the session under the page requests running beside the call, and signed the person out.
     */
    @Test
    void apiCallsThatCarryTheSessionCookieLeaveTheSessionAlone() {
        WebClient client = new WebClient(port);
        assertThat(client.login(editor, WebUsers.PASSWORD).statusCode()).isEqualTo(302);
        assertThat(client.get("/").statusCode()).isEqualTo(200);
        String session = client.sessionId();
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString((editor + ":" + WebUsers.PASSWORD)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (String[] call : new String[][] {{"GET", "/api/v1/products"}, {"POST", "/api/v1/products"},
                {"PUT", "/api/v1/me/notifications"}, {"DELETE", "/api/v1/glossary/vi/terms"}}) {
            HttpResponse<String> answer = client.send(call[0], call[1], call[0].equals("GET") ? null : "{}", "Authorization", basic,
                    "Accept", "application/json", "Content-Type", "application/json");
            assertThat(answer.statusCode()).as(call[0] + " " + call[1]).isLessThan(500).isNotIn(401, 403);
            assertThat(answer.headers().allValues("Set-Cookie")).as(call[0] + " " + call[1] + " sets no cookie").isEmpty();
            assertThat(client.sessionId()).as("the session after " + call[0] + " " + call[1]).isEqualTo(session);
        }
        assertThat(client.get("/").statusCode()).as("still signed in").isEqualTo(200);
    }

    @Test
    void theSessionIdChangesAtSignInAndTheCookieIsHttpOnly() {
        WebClient client = new WebClient(port);
        HttpResponse<String> page = client.get("/login");
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
        String before = client.sessionId();
        assertThat(before).isNotNull();
        HttpResponse<String> login = client.login(editor, WebUsers.PASSWORD);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(client.sessionId()).isNotNull().isNotEqualTo(before);
        assertThat(client.get("/").body()).contains("Bản nháp của tôi");
    }

    @Test
    void afterFiveFailedSignInsTheNextAttemptsAreRefusedEvenWithTheRightPassword() {
        String victim = WebUsers.ensure(accounts, passwords, "web-khoa-" + UUID.randomUUID().toString().substring(0, 8),
                "Người bị dò mật khẩu", Set.of(Role.EDITOR), Scopes.NONE);
        WebClient client = new WebClient(port);
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> failed = client.login(victim, "sai-mat-khau-" + i);
            assertThat(failed.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        }
        HttpResponse<String> blocked = client.login(victim, WebUsers.PASSWORD);
        String location = blocked.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/login?blocked=");
        String page = client.get(location.substring(location.indexOf("/login"))).body();
        assertThat(page).contains("Đăng nhập sai quá nhiều lần", "phút");
        // Failed sign-ins are in the audit trail.
        assertThat(audit.search(new AuditLog.AuditFilter(victim, "LOGIN_FAILED", null, null, null, null), 0, 10)).hasSize(5);
    }

    @Test
    void errorsArePagesInVietnameseNotJson() {
        WebClient client = new WebClient(port);
        client.login(editor, WebUsers.PASSWORD);
        HttpResponse<String> missing = client.get("/khong-co-trang-nay");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(missing.body()).contains("Không tìm thấy trang");
        HttpResponse<String> missingProduct = client.get("/products/" + UUID.randomUUID() + "/variants/vi");
        assertThat(missingProduct.statusCode()).isEqualTo(404);
        assertThat(missingProduct.body()).contains("Không tìm thấy").doesNotContain("\"status\"");
        // The API keeps answering in problem+json.
        HttpResponse<String> api = new WebClient(port).get("/api/v1/khong-co");
        assertThat(api.statusCode()).isIn(401, 404);
    }
}
