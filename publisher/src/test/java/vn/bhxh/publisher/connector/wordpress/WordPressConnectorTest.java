package vn.bhxh.publisher.connector.wordpress;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.bhxh.publisher.crypto.Credentials;
import vn.bhxh.publisher.delivery.DeliveryResult;
import vn.bhxh.publisher.delivery.Http;
import vn.bhxh.publisher.delivery.MediaFetcher;
import vn.bhxh.publisher.delivery.Target;
import vn.bhxh.publisher.job.ChannelPayload;
import vn.bhxh.publisher.job.MediaRef;
import vn.bhxh.publisher.job.PublishJob;
import vn.bhxh.publisher.testsupport.Fixtures;
import vn.bhxh.publisher.testsupport.RemoteService;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Against a local WordPress REST API answering as developer.wordpress.org documents, errors included. */
class WordPressConnectorTest {

    private static RemoteService wp;
    private static final Map<String, String> CREDENTIALS = Map.of("username", "bientap", "application_password",
            "abcd EFGH 1234 ijkl MNOP 6789");
    private static final String BASIC = "Basic YmllbnRhcDphYmNkIEVGR0ggMTIzNCBpamtsIE1OT1AgNjc4OQ==";
    private final WordPressConnector connector = new WordPressConnector(Http.defaultClient(),
            MediaFetcher.http(Http.defaultClient()), Clock.systemUTC(), Duration.ofSeconds(5));

    @BeforeAll
    static void start() {
        wp = RemoteService.shared();
    }

    @AfterEach
    void reset() {
        wp.server().resetAll();
    }

    private Target portal() {
        return new Target("wp-lao-cai", WordPressChannel.CHANNEL, "BHXH tỉnh Lào Cai", wp.uri("/"), null, null, Duration.ZERO, List.of());
    }

    private PublishJob job(Instant due) {
        PublishJob job = Fixtures.job("to-gap-bhxh-tu-nguyen", portal(), due);
        ChannelPayload p = job.payload();
        ChannelPayload withServedImage = new ChannelPayload(p.channel(), p.targetId(), p.language(), p.audience(), p.title(),
                p.summary(), p.link(), List.of(new MediaRef(wp.uri("/cdn/ảnh bìa.jpg".replace(" ", "%20")
                .replace("ả", "%E1%BA%A3")).toString(), "ảnh bìa.jpg", "image/jpeg")), p.content());
        return new PublishJob(job.id(), job.releaseId(), job.campaign(), job.productId(), job.language(),
                job.variantRevision(), job.targetId(), job.channel(), due, null, job.state(), due, 0, null, null,
                job.idempotencyKey(), withServedImage, withServedImage.sha256(), List.of(), "321", null, null, null,
                job.createdAt(), job.updatedAt());
    }

    private void noExistingPost() {
        wp.server().stubFor(get(urlPathEqualTo("/wp-json/wp/v2/posts")).willReturn(okJson("[]")));
    }

    @Test
    void aNewPostUploadsItsImageWithAnApplicationPasswordAndPublishesWithItsSlug() {
        noExistingPost();
        wp.server().stubFor(get(urlPathMatching("/cdn/.*")).willReturn(ok().withBody(new byte[] {(byte) 0xFF, (byte) 0xD8, 9})));
        wp.server().stubFor(post("/wp-json/wp/v2/media").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":88,\"source_url\":\"https://x/anh.jpg\"}")));
        wp.server().stubFor(post("/wp-json/wp/v2/posts").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":321,\"link\":\"https://bhxh.laocai.gov.vn/?p=321\",\"status\":\"publish\"}")));
        PublishJob job = job(Instant.now());
        RemoteService.Call call = RemoteService.call(job, portal(), CREDENTIALS);

        DeliveryResult result = connector.deliver(call.request);

        assertThat(result).isInstanceOf(DeliveryResult.Delivered.class);
        assertThat(((DeliveryResult.Delivered) result).remoteUrl()).isEqualTo("https://bhxh.laocai.gov.vn/?p=321");
        assertThat(call.memory).containsEntry(WordPressConnector.MEDIA_ID, "88");
        wp.server().verify(getRequestedFor(urlPathEqualTo("/wp-json/wp/v2/posts"))
                .withQueryParam("slug", equalTo("bhxh-" + job.idempotencyKey())).withHeader("Authorization", equalTo(BASIC)));
        wp.server().verify(postRequestedFor(urlEqualTo("/wp-json/wp/v2/media")).withHeader("Authorization", equalTo(BASIC))
                .withHeader("Content-Type", equalTo("image/jpeg"))
                .withHeader("Content-Disposition", equalTo("attachment; filename=\"anh_bia.jpg\"; filename*=UTF-8''%E1%BA%A3nh%20b%C3%ACa.jpg")));
        wp.server().verify(postRequestedFor(urlEqualTo("/wp-json/wp/v2/posts"))
                .withRequestBody(matchingJsonPath("$.status", equalTo("publish")))
                .withRequestBody(matchingJsonPath("$.featured_media", equalTo("88")))
                .withRequestBody(matchingJsonPath("$.slug", equalTo("bhxh-" + job.idempotencyKey()))));
    }

    @Test
    void aPostDeliveredAheadOfItsTimeIsScheduledByWordPressItself() {
        noExistingPost();
        wp.server().stubFor(post("/wp-json/wp/v2/posts").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":322,\"status\":\"future\"}")));
        RemoteService.Call call = RemoteService.call(job(Instant.parse("2030-05-10T01:00:00Z")), portal(), CREDENTIALS);
        call.memory.put(WordPressConnector.MEDIA_ID, "88");

        connector.deliver(call.request);

        wp.server().verify(0, postRequestedFor(urlEqualTo("/wp-json/wp/v2/media")));
        wp.server().verify(postRequestedFor(urlEqualTo("/wp-json/wp/v2/posts"))
                .withRequestBody(matchingJsonPath("$.status", equalTo("future")))
                .withRequestBody(matchingJsonPath("$.date_gmt", equalTo("2030-05-10T01:00:00"))));
    }

    @Test
    void aPostAlreadyThereUnderOurSlugIsTakenInsteadOfPostingTwice() {
        wp.server().stubFor(get(urlPathEqualTo("/wp-json/wp/v2/posts")).willReturn(okJson(
                "[{\"id\":300,\"link\":\"https://bhxh.laocai.gov.vn/?p=300\",\"status\":\"publish\"}]")));

        DeliveryResult result = connector.deliver(RemoteService.call(job(Instant.now()), portal(), CREDENTIALS).request);

        assertThat(((DeliveryResult.Delivered) result).remoteId()).isEqualTo("300");
        wp.server().verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void invalidParametersFailAWrongPasswordPausesAndAnOverloadedSiteIsRetriedAfterItsRetryAfter() {
        noExistingPost();
        wp.server().stubFor(post("/wp-json/wp/v2/posts").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":\"rest_invalid_param\",\"message\":"
                        + "\"Invalid parameter(s): status\",\"data\":{\"status\":400,\"params\":{\"status\":\"status is not one of publish\"}}}")));
        RemoteService.Call call = RemoteService.call(job(Instant.now()), portal(), CREDENTIALS);
        call.memory.put(WordPressConnector.MEDIA_ID, "88");
        DeliveryResult invalid = connector.deliver(call.request);

        wp.server().resetAll();
        wp.server().stubFor(get(anyUrl()).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"incorrect_password\",\"message\":\"The provided password is an invalid application password.\","
                        + "\"data\":{\"status\":401}}")));
        DeliveryResult unauthorized = connector.deliver(call.request);

        wp.server().resetAll();
        wp.server().stubFor(get(anyUrl()).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "120")));
        DeliveryResult busy = connector.deliver(call.request);

        assertThat(((DeliveryResult.Permanent) invalid).reason()).contains("rest_invalid_param", "400");
        assertThat(((DeliveryResult.TokenRejected) unauthorized).reason()).contains("incorrect_password");
        assertThat(((DeliveryResult.Transient) busy).retryAfter()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void aPostIsUpdatedInPlaceAndDeletedForGood() {
        wp.server().stubFor(post("/wp-json/wp/v2/posts/321").willReturn(okJson("{\"id\":321,\"link\":\"https://x/?p=321\"}")));
        wp.server().stubFor(delete(urlPathEqualTo("/wp-json/wp/v2/posts/321")).willReturn(okJson(
                "{\"deleted\":true,\"previous\":{\"id\":321}}")));
        PublishJob posted = job(Instant.now());

        DeliveryResult updated = connector.update(posted, portal(), new Credentials(CREDENTIALS));
        DeliveryResult deleted = connector.remove(posted, portal(), new Credentials(CREDENTIALS));

        assertThat(updated).isInstanceOf(DeliveryResult.Delivered.class);
        assertThat(deleted).isInstanceOf(DeliveryResult.Delivered.class);
        wp.server().verify(postRequestedFor(urlEqualTo("/wp-json/wp/v2/posts/321"))
                .withRequestBody(matchingJsonPath("$.title")).withRequestBody(notContaining("\"status\"")));
        wp.server().verify(deleteRequestedFor(urlPathEqualTo("/wp-json/wp/v2/posts/321")).withQueryParam("force", equalTo("true")));
    }
}
