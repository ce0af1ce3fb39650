package vn.bhxh.publisher.channels;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.bhxh.publisher.connector.facebook.FacebookChannel;
import vn.bhxh.publisher.connector.webhook.WebhookChannel;
import vn.bhxh.publisher.connector.wordpress.WordPressChannel;
import vn.bhxh.publisher.connector.youtube.YouTubeChannel;
import vn.bhxh.publisher.connector.zalo.ZaloChannel;
import vn.bhxh.publisher.crypto.Credentials;
import vn.bhxh.publisher.delivery.ConnectionCheck;
import vn.bhxh.publisher.delivery.Http;
import vn.bhxh.publisher.delivery.Target;
import vn.bhxh.publisher.job.Channel;
import vn.bhxh.publisher.testsupport.RemoteService;
import vn.bhxh.publisher.testsupport.TestWordPress;

/** "Test connection" of every registered channel against services that answer as they document, refusals included; nothing is posted. */
class ConnectionCheckTest {

    private final RemoteService remote = RemoteService.shared();
    private final ConnectionCheck check = new ConnectionCheck(Channels.all(), Http.defaultClient(), Clock.systemUTC(), Duration.ofSeconds(5));

    @AfterEach
    void reset() {
        remote.server().resetAll();
    }

    private Target target(Channel channel, String base, String account) {
        return new Target("t-" + channel, channel, "Đích thử", remote.uri(base), account, null, Duration.ZERO, List.of());
    }

    @Test
    void aFacebookPageTokenThatWorksNamesThePageAndAnInvalidatedOneSaysSo() {
        remote.server().stubFor(get(urlEqualTo("/v24.0/1020?fields=id,name")).withHeader("Authorization", equalTo("Bearer good"))
                .willReturn(okJson("{\"id\":\"1020\",\"name\":\"Bảo hiểm xã hội Việt Nam\"}")));
        remote.server().stubFor(get(urlEqualTo("/v24.0/1020?fields=id,name")).withHeader("Authorization", equalTo("Bearer old"))
                .willReturn(aResponse().withStatus(400).withBody("{\"error\":{\"message\":\"Error validating access token: "
                        + "Session has expired\",\"type\":\"OAuthException\",\"code\":190,\"error_subcode\":463}}")));
        Target page = target(FacebookChannel.CHANNEL, "/v24.0", "1020");

        ConnectionCheck.Result ok = check.check(page, new Credentials(Map.of("page_access_token", "good")));
        ConnectionCheck.Result expired = check.check(page, new Credentials(Map.of("page_access_token", "old")));

        assertThat(ok.ok()).isTrue();
        assertThat(ok.message()).isEqualTo("Đã thử đọc Trang Facebook 1020 bằng mã truy cập Trang: được, với tài khoản"
                + " Bảo hiểm xã hội Việt Nam.");
        assertThat(expired.ok()).isFalse();
        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.message()).startsWith("Đã thử đọc Trang Facebook 1020 bằng mã truy cập Trang: không được. Mã truy cập"
                + " Trang Facebook đã hết hạn").doesNotContain("{", "OAuthException");
    }

    @Test
    void youTubeNamesTheChannelOfTheTokenOrSaysTheAccountHasNone() {
        remote.server().stubFor(get(urlEqualTo("/youtube/v3/channels?part=id,snippet&mine=true")).withHeader("Authorization",
                equalTo("Bearer kenh")).willReturn(okJson("{\"items\":[{\"id\":\"UCbhxh\",\"snippet\":{\"title\":\"BHXH Việt Nam\"}}]}")));
        remote.server().stubFor(get(urlEqualTo("/youtube/v3/channels?part=id,snippet&mine=true")).withHeader("Authorization",
                equalTo("Bearer khong-kenh")).willReturn(okJson("{\"items\":[]}")));
        Target channel = target(YouTubeChannel.CHANNEL, "/", null);

        ConnectionCheck.Result ok = check.check(channel, new Credentials(Map.of("access_token", "kenh")));
        ConnectionCheck.Result none = check.check(channel, new Credentials(Map.of("access_token", "khong-kenh")));

        assertThat(ok.ok()).isTrue();
        assertThat(ok.message()).isEqualTo("Đã thử đọc kênh YouTube của tài khoản đã kết nối bằng mã truy cập: được, kênh BHXH Việt Nam.");
        assertThat(none.ok()).isFalse();
        assertThat(none.message()).endsWith(": không được. Tài khoản Google này chưa có kênh YouTube; hãy kết nối bằng tài khoản"
                + " của kênh BHXH.");
    }

    @Test
    void wordPressChecksTheApplicationPasswordWithoutWritingAndSaysWhatItCheckedAndWhatFailed() {
        TestWordPress wordpress = TestWordPress.shared();
        Target site = new Target("t-wp", WordPressChannel.CHANNEL, "Đích thử", wordpress.uri(), null, null, Duration.ZERO, List.of());

        ConnectionCheck.Result result = check.check(site,
                new Credentials(Map.of("username", TestWordPress.ADMIN, "application_password", "abcd efgh")));
        ConnectionCheck.Result ok = check.check(site, new Credentials(wordpress.credentials()));
        ConnectionCheck.Result noPassword = check.check(site, new Credentials(Map.of("username", TestWordPress.ADMIN), site.name()));

        assertThat(result.ok()).isFalse();
        assertThat(result.status()).isEqualTo(401);
        assertThat(result.message()).startsWith("Đã thử đăng nhập WordPress tại " + wordpress.uri() + " bằng mật khẩu ứng dụng: không được.")
                .contains("mật khẩu ứng dụng mới").doesNotContain("{", "incorrect_password");
        assertThat(ok.ok()).isTrue();
        assertThat(ok.message()).endsWith("được, với tài khoản " + TestWordPress.ADMIN + ".");
        assertThat(noPassword.ok()).isFalse();
        assertThat(noPassword.message()).isEqualTo("Đã xem khóa truy cập đã lưu trước khi gọi tới " + wordpress.uri() + ": chưa"
                + " nhập mật khẩu ứng dụng cho kênh “Đích thử”; hãy nhập ở mục Khóa truy cập khi sửa kênh phát hành.");
    }

    @Test
    void zaloReportsItsOwnErrorCodeFromAnHttp200Answer() {
        remote.server().stubFor(get(urlEqualTo("/v2.0/oa/getoa")).withHeader("access_token", equalTo("expired"))
                .willReturn(okJson("{\"error\":-216,\"message\":\"Access token is invalid\"}")));
        remote.server().stubFor(get(urlEqualTo("/v2.0/oa/getoa")).withHeader("access_token", equalTo("fresh"))
                .willReturn(okJson("{\"error\":0,\"message\":\"Success\",\"data\":{\"oa_id\":\"579\",\"name\":\"BHXH Việt Nam\"}}")));
        Target oa = target(ZaloChannel.CHANNEL, "/", "579");

        assertThat(check.check(oa, new Credentials(Map.of("access_token", "expired"))))
                .satisfies(r -> assertThat(r.ok()).isFalse()).extracting(ConnectionCheck.Result::message).asString().contains("-216");
        assertThat(check.check(oa, new Credentials(Map.of("access_token", "fresh"))).message()).contains("BHXH Việt Nam");
    }

    @Test
    void aPortalThatOnlyTakesPostStillCountsAsReachableButAWrongSecretDoesNot() {
        remote.server().stubFor(get(urlEqualTo("/portal-a/bhxh")).willReturn(aResponse().withStatus(405)));
        remote.server().stubFor(get(urlEqualTo("/portal-b/bhxh")).willReturn(aResponse().withStatus(401)));

        assertThat(check.check(target(WebhookChannel.CHANNEL, "/portal-a/bhxh", null), new Credentials(Map.of("secret", "s"))).ok()).isTrue();
        ConnectionCheck.Result refused = check.check(target(WebhookChannel.CHANNEL, "/portal-b/bhxh", null), new Credentials(Map.of("secret", "s")));
        assertThat(refused.ok()).isFalse();
        assertThat(refused.message()).endsWith(": không được. Máy chủ từ chối chữ ký (HTTP 401); hãy kiểm tra khoá bí mật của đích.");
        remote.server().verify(getRequestedFor(urlEqualTo("/portal-a/bhxh")).withHeader("X-BHXH-Signature", matching("v1=[0-9a-f]{64}")));
    }

    @Test
    void missingCredentialsOrAnUnreachableServiceAreSentencesNotExceptions() {
        ConnectionCheck.Result missing = check.check(target(YouTubeChannel.CHANNEL, "/", null), new Credentials(Map.of()));
        Target nowhere = new Target("x", YouTubeChannel.CHANNEL, "x", URI.create("http://127.0.0.1:1"), null, null, Duration.ZERO, List.of());
        ConnectionCheck.Result down = check.check(nowhere, new Credentials(Map.of("access_token", "t")));

        assertThat(missing.ok()).isFalse();
        assertThat(missing.message()).isEqualTo("Đã xem khóa truy cập đã lưu trước khi gọi tới " + remote.uri("/") + ": chưa nhập"
                + " mã truy cập kênh YouTube cho kênh phát hành này; hãy nhập ở mục Khóa truy cập khi sửa kênh phát hành.");
        assertThat(down.ok()).isFalse();
        assertThat(down.message()).isEqualTo("Đã thử kết nối tới http://127.0.0.1:1: không được. Không kết nối được tới máy chủ;"
                + " hãy kiểm tra địa chỉ của đích và mạng.");
    }
}
