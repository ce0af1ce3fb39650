package vn.bhxh.publisher.connector.webhook;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.bhxh.publisher.delivery.DeliveryResult;
import vn.bhxh.publisher.delivery.Http;
import vn.bhxh.publisher.delivery.Target;
import vn.bhxh.publisher.job.Json;
import vn.bhxh.publisher.job.PublishJob;
import vn.bhxh.publisher.testsupport.Fixtures;
import vn.bhxh.publisher.testsupport.RemoteService;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;

class WebhookConnectorTest {

    private static RemoteService portal;
    private final WebhookConnector connector = new WebhookConnector(Http.defaultClient(), Clock.systemUTC(), Duration.ofSeconds(5));

    @BeforeAll
    static void start() {
        portal = RemoteService.shared();
    }

    @AfterEach
    void reset() {
        portal.server().resetAll();
    }

    private Target target() {
        return Fixtures.webhookTarget("cong-quoc-gia", portal.uri("/api/bhxh-hook"), "khoa-chia-se");
    }

    private DeliveryResult deliver(PublishJob job) {
        return connector.deliver(RemoteService.call(job, target(), Map.of("secret", "khoa-chia-se")).request);
    }

    @Test
    void theBodyIsSignedSoTheReceiverCanVerifyItAndCarriesTheIdempotencyKey() throws Exception {
        portal.server().stubFor(post("/api/bhxh-hook").willReturn(aResponse().withStatus(201)
                .withBody("{\"id\":\"9\",\"url\":\"https://baohiemxahoi.gov.vn/tin/9\"}")));
        PublishJob job = Fixtures.job("infographic-hssv", target(), Instant.now());

        DeliveryResult result = deliver(job);

        LoggedRequest sent = portal.server().findAll(postRequestedFor(urlEqualTo("/api/bhxh-hook"))).getFirst();
        String timestamp = sent.getHeader(WebhookSignature.TIMESTAMP_HEADER);
        String signature = sent.getHeader(WebhookSignature.SIGNATURE_HEADER);
        assertThat(WebhookSignature.verify("khoa-chia-se", timestamp, signature, sent.getBody(), Instant.now())).isTrue();
        assertThat(WebhookSignature.verify("khoa-khac", timestamp, signature, sent.getBody(), Instant.now())).isFalse();
        assertThat(WebhookSignature.verify("khoa-chia-se", timestamp, signature, sent.getBody(), Instant.now().plusSeconds(301)))
                .as("outside the replay window").isFalse();
        byte[] tampered = sent.getBody().clone();
        tampered[10] ^= 1;
        assertThat(WebhookSignature.verify("khoa-chia-se", timestamp, signature, tampered, Instant.now())).isFalse();
        assertThat(sent.getHeader(WebhookSignature.IDEMPOTENCY_HEADER)).isEqualTo(job.idempotencyKey());
        assertThat(Json.mapper().readTree(sent.getBody()).path("payloadSha256").asString()).isEqualTo(job.payloadSha256());
        assertThat(((DeliveryResult.Delivered) result).remoteUrl()).isEqualTo("https://baohiemxahoi.gov.vn/tin/9");
    }

    @Test
    void aConflictMeansThePortalAlreadyHasItAWrongSecretRejectsTheTargetAndABadPayloadFails() {
        PublishJob job = Fixtures.job("infographic-hssv", target(), Instant.now());
        portal.server().stubFor(post("/api/bhxh-hook").willReturn(aResponse().withStatus(409).withBody("{\"id\":\"9\"}")));
        DeliveryResult already = deliver(job);
        portal.server().stubFor(post("/api/bhxh-hook").willReturn(aResponse().withStatus(401)));
        DeliveryResult wrongSecret = deliver(job);
        portal.server().stubFor(post("/api/bhxh-hook").willReturn(aResponse().withStatus(422).withBody("{\"error\":\"title missing\"}")));
        DeliveryResult invalid = deliver(job);
        portal.server().stubFor(post("/api/bhxh-hook").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));
        DeliveryResult throttled = deliver(job);

        assertThat(((DeliveryResult.Delivered) already).remoteId()).isEqualTo("9");
        assertThat(wrongSecret).isInstanceOf(DeliveryResult.TokenRejected.class);
        assertThat(((DeliveryResult.Permanent) invalid).reason()).contains("422", "title missing");
        assertThat(((DeliveryResult.Transient) throttled).retryAfter()).isEqualTo(Duration.ofSeconds(30));
    }
}
