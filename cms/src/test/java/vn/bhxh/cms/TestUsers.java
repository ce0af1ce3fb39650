package vn.bhxh.cms;

import static org.assertj.core.api.Assertions.assertThat;

/** Creates users through the admin API (the test contexts share one Elasticsearch, so "exists" is fine). */
public final class TestUsers {

    public static final String PASSWORD = "mat-khau-rat-dai-123";

    private TestUsers() {
    }

    public static ApiClient ensure(int port, ApiClient admin, String username, String rolesJson, String scopesJson) {
        var response = admin.post("/api/v1/users", "{\"username\":\"" + username + "\",\"displayName\":\"Người dùng " + username
                + "\",\"password\":\"" + PASSWORD + "\",\"roles\":" + rolesJson + ",\"scopes\":" + scopesJson + "}");
        assertThat(response.statusCode()).as(response.body()).isIn(201, 409);
        return new ApiClient(port, username, PASSWORD);
    }
}
