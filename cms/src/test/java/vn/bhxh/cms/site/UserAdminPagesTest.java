package vn.bhxh.cms.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.bhxh.cms.Await;
import vn.bhxh.cms.CmsIntegrationTest;
import vn.bhxh.cms.elasticsearch.IndexInitializer;
import vn.bhxh.cms.security.Role;
import vn.bhxh.cms.security.UserAccount;
import vn.bhxh.cms.security.UserAccountStore;

/** Administrators create a user with roles and scopes, then disable them: the user can no longer sign in. */
@CmsIntegrationTest
class UserAdminPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    IndexInitializer indices;

    @Autowired
    UserAccountStore accounts;

    @Test
    void aDisabledUserCannotSignIn() {
        Await.until(indices::isReady, Duration.ofSeconds(30), "indices created");
        String username = "tinh-nghe-an-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        WebClient admin = new WebClient(port);
        admin.login(CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", username);
        form.put("displayName", "Cán bộ Nghệ An");
        form.put("password", WebUsers.PASSWORD);
        form.put("roles", "PROVINCIAL_STAFF");
        form.put("province", "NA");
        form.put("enabled", "true");
        HttpResponse<String> created = admin.submit("/admin/users/new", "/admin/users/new", form);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        UserAccount account = accounts.find(username).orElseThrow();
        assertThat(account.roles()).containsExactly(Role.PROVINCIAL_STAFF);
        assertThat(account.scopes().province()).isEqualTo("NA");
        assertThat(new WebClient(port).login(username, WebUsers.PASSWORD).headers().firstValue("Location").orElseThrow())
                .doesNotContain("error");

        // Unticking "may sign in" disables the account (the form sends no "enabled" field then).
        form.remove("enabled");
        form.put("password", "");
        HttpResponse<String> disabled = admin.submit("/admin/users/" + username, "/admin/users/" + username, form);
        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(302);
        assertThat(accounts.find(username).orElseThrow().enabled()).isFalse();
        assertThat(new WebClient(port).login(username, WebUsers.PASSWORD).headers().firstValue("Location").orElseThrow())
                .endsWith("/login?error");

        // An administrator cannot lock themselves out.
        Map<String, String> self = new LinkedHashMap<>();
        self.put("username", CmsIntegrationTest.ADMIN);
        self.put("displayName", "Quản trị");
        self.put("roles", "EDITOR");
        self.put("enabled", "true");
        HttpResponse<String> refused = admin.submit("/admin/users/admin", "/admin/users/admin", self);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Bạn không thể tự khóa hoặc bỏ quyền quản trị của chính mình");
        assertThat(accounts.find(CmsIntegrationTest.ADMIN).orElseThrow().roles()).contains(Role.ADMIN);
    }

    @Test
    void scopesAreChosenFromTheReferenceDataNotTyped() {
        Await.until(indices::isReady, Duration.ofSeconds(30), "indices created");
        WebClient admin = new WebClient(port);
        admin.login(CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD);
        String form = admin.get("/admin/users/new").body();
        assertThat(form).containsPattern("<select[^>]*id=\"province\"").containsPattern("<select[^>]*id=\"languages\"")
                .containsPattern("<select[^>]*id=\"topics\"").containsPattern("<select[^>]*id=\"departments\"")
                .contains("<option value=\"NA\">Nghệ An</option>", "<option value=\"tyz\">Tày</option>")
                .doesNotContainPattern("<input[^>]*id=\"(province|languages|topics|departments)\"");

        // A forged form naming a province that is no code is still refused, naming the field.
        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("username", "tinh-gia-" + ThreadLocalRandom.current().nextInt(100_000, 999_999));
        forged.put("displayName", "Cán bộ");
        forged.put("password", WebUsers.PASSWORD);
        forged.put("roles", "PROVINCIAL_STAFF");
        forged.put("province", "Lào Cai");
        forged.put("enabled", "true");
        HttpResponse<String> refused = admin.submit("/admin/users/new", "/admin/users/new", forged);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Lào Cai");
        assertThat(accounts.find(forged.get("username"))).isEmpty();
    }
}
