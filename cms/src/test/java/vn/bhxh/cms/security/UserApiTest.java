package vn.bhxh.cms.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.bhxh.cms.ApiClient;
import vn.bhxh.cms.CmsIntegrationTest;
import vn.bhxh.cms.Json;
import vn.bhxh.cms.TestUsers;

/** User administration through the API holds the same rules as the admin pages (one UserService behind both). */
@CmsIntegrationTest
class UserApiTest {

    @LocalServerPort
    int port;

    @Test
    void anAdministratorCannotDisableOrDemoteThemselvesThroughTheApi() {
        ApiClient admin = new ApiClient(port, CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD);
        ApiClient deputy = TestUsers.ensure(port, admin, "qtv-du-phong", "[\"ADMIN\"]", "{}");

        HttpResponse<String> demoted = put(deputy, "qtv-du-phong", "[\"EDITOR\"]", true, null);
        assertThat(demoted.statusCode()).as(demoted.body()).isEqualTo(409);
        assertThat(demoted.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Json.parse(demoted.body()).get("title").asString())
                .isEqualTo("Bạn không thể tự khóa hoặc bỏ quyền quản trị của chính mình");
        assertThat(put(deputy, "qtv-du-phong", "[\"ADMIN\"]", false, null).statusCode()).isEqualTo(409);

        JsonNode unchanged = Json.parse(admin.get("/api/v1/users/qtv-du-phong").body());
        assertThat(unchanged.get("enabled").asBoolean()).isTrue();
        assertThat(unchanged.get("roles").toString()).contains("ADMIN");

        // Another administrator may change the same account.
        HttpResponse<String> byOther = put(admin, "qtv-du-phong", "[\"ADMIN\",\"EDITOR\"]", true, null);
        assertThat(byOther.statusCode()).as(byOther.body()).isEqualTo(200);
        assertThat(Json.parse(byOther.body()).get("roles").toString()).contains("EDITOR");
    }

    @Test
    void passwordsShorterThanTheMinimumAreRefused() {
        ApiClient admin = new ApiClient(port, CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD);
        TestUsers.ensure(port, admin, "bien-tap-mat-khau", "[\"EDITOR\"]", "{}");
        String tooShort = "a".repeat(UserService.MIN_PASSWORD - 1);
        HttpResponse<String> refused = put(admin, "bien-tap-mat-khau", "[\"EDITOR\"]", true, tooShort);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("password");
        assertThat(put(admin, "bien-tap-mat-khau", "[\"EDITOR\"]", true, "a".repeat(UserService.MIN_PASSWORD)).statusCode())
                .isEqualTo(200);
    }

    @Test
    void administratorsFindAccountsByTheStartOfTheUserNameOrByWordsOfTheName() {
        ApiClient admin = new ApiClient(port, CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD);
        String suffix = String.valueOf(System.nanoTime() % 1_000_000);
        TestUsers.ensure(port, admin, "tim-kiem-" + suffix, "[\"EDITOR\"]", "{}");

        HttpResponse<String> prefixAnswer = admin.get("/api/v1/users?q=TIM-KIEM-" + suffix.substring(0, 3));
        assertThat(prefixAnswer.statusCode()).as(prefixAnswer.body()).isEqualTo(200);
        JsonNode byPrefix = Json.parse(prefixAnswer.body());
        assertThat(byPrefix.findValuesAsString("username")).as(prefixAnswer.body()).contains("tim-kiem-" + suffix)
                .allMatch(name -> name.startsWith("tim-kiem-" + suffix.substring(0, 3)));
        JsonNode byName = Json.parse(admin.get("/api/v1/users?q=" + java.net.URLEncoder.encode("người dùng tim-kiem-" + suffix,
                java.nio.charset.StandardCharsets.UTF_8)).body());
        assertThat(byName.findValuesAsString("username")).containsExactly("tim-kiem-" + suffix);
        assertThat(Json.parse(admin.get("/api/v1/users?q=khong-ai-ten-the-" + suffix).body()).size()).isZero();

        HttpResponse<String> tooLong = admin.get("/api/v1/users?q=" + "a".repeat(UserService.MAX_SEARCH + 1));
        assertThat(tooLong.statusCode()).as(tooLong.body()).isEqualTo(400);
        assertThat(tooLong.body()).contains("\"q\"");
        assertThat(admin.get("/api/v1/users?q=" + "a".repeat(UserService.MAX_SEARCH)).statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> put(ApiClient client, String username, String roles, boolean enabled, String password) {
        String body = "{\"roles\":" + roles + ",\"enabled\":" + enabled + (password == null ? "" : ",\"password\":" + Json.quote(password))
                + "}";
        // Every change is made from the version just read (If-Match), as any API client must.
        String etag = client.get("/api/v1/users/" + username).headers().firstValue("ETag").orElseThrow();
        return client.send(client.request("/api/v1/users/" + username).header("Content-Type", "application/json")
                .header("If-Match", etag).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }
}
