package vn.bhxh.publisher.connector.wordpress;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bhxh.publisher.connector.wordpress.WordPressJobs.CMS;
import static vn.bhxh.publisher.connector.wordpress.WordPressJobs.SUMMARY;
import static vn.bhxh.publisher.connector.wordpress.WordPressJobs.TITLE;
import static vn.bhxh.publisher.connector.wordpress.WordPressJobs.rest;
import static vn.bhxh.publisher.connector.wordpress.WordPressJobs.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.bhxh.publisher.crypto.Credentials;
import vn.bhxh.publisher.delivery.DeliveryResult;
import vn.bhxh.publisher.delivery.Http;
import vn.bhxh.publisher.delivery.Target;
import vn.bhxh.publisher.job.DeliveryAttempt;
import vn.bhxh.publisher.job.JobState;
import vn.bhxh.publisher.job.MediaRef;
import vn.bhxh.publisher.job.PublishJob;
import vn.bhxh.publisher.testsupport.Fixtures;
import vn.bhxh.publisher.testsupport.RemoteService;
import vn.bhxh.publisher.testsupport.TestWordPress;

/** Against a real WordPress (Debian's package) on loopback: what the connector makes there, read back over its REST API. */
class WordPressConnectorTest {

    private static TestWordPress wordpress;
    private final WordPressConnector connector = new WordPressConnector(Http.defaultClient(), WordPressJobs.FILES,
            Clock.systemUTC(), Duration.ofSeconds(30));

    @BeforeAll
    static void start() {
        wordpress = TestWordPress.shared();
    }

    private Target portal() {
        return WordPressJobs.target("wp-lao-cai", Fixtures.CIPHER, wordpress.credentials());
    }

    private static String product() {
        return "sp-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private DeliveryResult.Delivered deliver(RemoteService.Call call) {
        DeliveryResult result = connector.deliver(call.request);
        assertThat(result).isInstanceOf(DeliveryResult.Delivered.class);
        return (DeliveryResult.Delivered) result;
    }

    @Test
    void everyFileReachesTheMediaLibraryAttachedToThePostWhichShowsOnlyWordPressCopies() {
        MediaRef cover = WordPressJobs.image("ảnh bìa.jpg");
        MediaRef more = WordPressJobs.image("ảnh thêm.jpg");
        MediaRef leaflet = WordPressJobs.pdf("Tờ gấp BHXH một lần.pdf");
        MediaRef inline = WordPressJobs.image("biểu đồ.jpg");
        PublishJob job = WordPressJobs.job(product(), "r1", portal(), Instant.now(), List.of(cover, more, leaflet, inline), TITLE);

        DeliveryResult.Delivered delivered = deliver(RemoteService.call(job, portal(), wordpress.credentials()));

        JsonNode post = rest("/wp-json/wp/v2/posts/" + delivered.remoteId() + "?context=edit");
        JsonNode media = rest("/wp-json/wp/v2/media?parent=" + delivered.remoteId() + "&context=edit&per_page=100");
        String content = post.path("content").path("raw").asString();
        assertThat(post.path("status").asString()).isEqualTo("publish");
        assertThat(post.path("title").path("raw").asString()).isEqualTo(TITLE);
        assertThat(post.path("excerpt").path("raw").asString()).isEqualTo(SUMMARY);
        assertThat(post.path("slug").asString()).matches("vi-sao-khong-nen-nhan-bhxh-mot-lan-" + job.idempotencyKey().substring(0, 6));
        assertThat(delivered.remoteUrl()).startsWith(wordpress.uri().toString());
        assertThat(media).hasSize(4);
        assertThat(media.valueStream().map(m -> m.path("post").asLong())).containsOnly(Long.parseLong(delivered.remoteId()));
        JsonNode featured = media.valueStream().filter(m -> m.path("id").asLong() == post.path("featured_media").asLong())
                .findFirst().orElseThrow();
        assertThat(featured.path("media_type").asString()).isEqualTo("image");
        assertThat(featured.path("alt_text").asString()).isEqualTo(TITLE);
        JsonNode pdf = media.valueStream().filter(m -> m.path("mime_type").asString().equals("application/pdf")).findFirst().orElseThrow();
        assertThat(pdf.path("caption").path("raw").asString()).contains(TITLE);
        // The body: WordPress's copies only (the body's image, the other one added, the PDF as a download), no title, one summary.
        assertThat(content).doesNotContain(CMS).doesNotContain("anh.ngoai.test").doesNotContain("<h1");
        assertThat(content).contains(pdf.path("source_url").asString() + "\" download>Tờ gấp BHXH một lần.pdf</a>");
        assertThat(content.split(SUMMARY, -1)).hasSize(2);
        assertThat(content).doesNotContain(featured.path("source_url").asString());
        assertThat(media.valueStream().filter(m -> m.path("media_type").asString().equals("image")
                && m.path("id").asLong() != featured.path("id").asLong()).map(m -> m.path("source_url").asString()))
                .allSatisfy(source -> assertThat(content).contains("src=\"" + source + "\""));
    }

    @Test
    void aRetryAfterALostAnswerCompletesThePostFoundUnderItsSlugWithoutUploadingAgain() {
        PublishJob job = WordPressJobs.job(product(), "r1", portal(), Instant.now(), List.of(WordPressJobs.image("anh.jpg")), TITLE);
        RemoteService.Call call = RemoteService.call(job, portal(), wordpress.credentials());
        DeliveryResult.Delivered first = deliver(call);
        call.memory.remove(WordPressConnector.POST_ID); // the answer to the post's creation was lost

        DeliveryResult.Delivered again = deliver(call);

        assertThat(again.remoteId()).isEqualTo(first.remoteId());
        assertThat(rest("/wp-json/wp/v2/posts?slug=" + WordPressConnector.slug(job) + "&context=edit")).hasSize(1);
        assertThat(rest("/wp-json/wp/v2/media?parent=" + first.remoteId())).hasSize(1);
    }

    @Test
    void aPostDeliveredAheadOfItsTimeIsScheduledByWordPressItself() {
        PublishJob job = WordPressJobs.job(product(), "r1", portal(), Instant.parse("2030-05-10T01:00:00Z"), List.of(), TITLE);

        DeliveryResult.Delivered delivered = deliver(RemoteService.call(job, portal(), wordpress.credentials()));

        JsonNode post = rest("/wp-json/wp/v2/posts/" + delivered.remoteId() + "?context=edit");
        assertThat(post.path("status").asString()).isEqualTo("future");
        assertThat(post.path("date_gmt").asString()).isEqualTo("2030-05-10T01:00:00");
    }

    @Test
    void aWrongApplicationPasswordIsCredentialsRejectedWithASentenceSayingWhatToDo() {
        Map<String, String> wrong = new HashMap<>(wordpress.credentials());
        wrong.put("application_password", "abcd EFGH 1234 ijkl MNOP 6789");
        PublishJob job = WordPressJobs.job(product(), "r1", portal(), Instant.now(), List.of(), TITLE);

        DeliveryResult result = connector.deliver(RemoteService.call(job, portal(), wrong).request);

        assertThat(result).isInstanceOf(DeliveryResult.TokenRejected.class);
        assertThat(((DeliveryResult.TokenRejected) result).reason()).isEqualTo(WordPressErrors.CREDENTIALS_REJECTED);
        assertThat(result.answer()).contains("400", "rest_forbidden_status");
    }

    @Test
    void anAccountThatMayNotPublishIsCredentialsRejectedToo() {
        PublishJob job = WordPressJobs.job(product(), "r1", portal(), Instant.now(), List.of(WordPressJobs.image("anh.jpg")), TITLE);

        DeliveryResult result = connector.deliver(RemoteService.call(job, portal(), wordpress.readerCredentials()).request);

        assertThat(result).isInstanceOf(DeliveryResult.TokenRejected.class);
        assertThat(result.status()).isIn(400, 401, 403);
        assertThat(((DeliveryResult.TokenRejected) result).reason()).isEqualTo(WordPressErrors.CREDENTIALS_REJECTED);
    }

    @Test
    void aSiteWhosePhpIsDownIsRetriedAfterItsRetryAfterWithAReadableReasonAndTheRawPageInTheLog() {
        Target broken = WordPressJobs.target("wp-hong", wordpress.brokenSiteUri(), Fixtures.CIPHER, wordpress.credentials());
        PublishJob job = WordPressJobs.job(product(), "r1", broken, Instant.now(), List.of(), TITLE);

        DeliveryResult result = connector.deliver(RemoteService.call(job, broken, wordpress.credentials()).request);

        DeliveryResult.Transient busy = (DeliveryResult.Transient) result;
        assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(120));
        assertThat(busy.reason()).contains("HTTP 502", "tự thử lại").doesNotContain("<", "nginx");
        assertThat(busy.answer()).contains("502", "<html>");
    }

    @Test
    void aFileTypeTheSiteRefusesFailsWithWhatToDo() {
        MediaRef program = new MediaRef(CMS + UUID.randomUUID() + "/chuong-trinh.exe", "chuong-trinh.exe",
                "application/x-msdownload");
        PublishJob job = WordPressJobs.job(product(), "r1", portal(), Instant.now(), List.of(program), TITLE);

        DeliveryResult result = connector.deliver(RemoteService.call(job, portal(), wordpress.credentials()).request);

        assertThat(result).isInstanceOf(DeliveryResult.Permanent.class);
        assertThat(((DeliveryResult.Permanent) result).reason()).startsWith("WordPress không nhận tệp đính kèm");
        assertThat(result.answer()).contains("rest_upload");
    }

    @Test
    void aNewRevisionUpdatesTheSamePostReusesItsUnchangedFilesAndDeletesTheOnesItDropped() {
        String product = product();
        MediaRef kept = WordPressJobs.image("giu-lai.jpg");
        MediaRef dropped = WordPressJobs.pdf("ban-cu.pdf");
        MediaRef added = WordPressJobs.pdf("ban-moi.pdf");
        PublishJob first = WordPressJobs.job(product, "r1", portal(), Instant.now(), List.of(kept, dropped), TITLE);
        RemoteService.Call firstCall = RemoteService.call(first, portal(), wordpress.credentials());
        DeliveryResult.Delivered posted = deliver(firstCall);
        PublishJob delivered = delivered(first, posted, firstCall.memory);
        long droppedId = UploadedMedia.read(firstCall.memory.get(WordPressConnector.MEDIA)).get(dropped.url()).id();
        long keptId = UploadedMedia.read(firstCall.memory.get(WordPressConnector.MEDIA)).get(kept.url()).id();

        PublishJob second = WordPressJobs.job(product, "r2", portal(), Instant.now(), List.of(kept, added), TITLE + " (sửa)");
        DeliveryResult.Delivered updated = deliver(RemoteService.call(second, portal(), wordpress.credentials(), delivered));

        assertThat(updated.remoteId()).isEqualTo(posted.remoteId());
        JsonNode post = rest("/wp-json/wp/v2/posts/" + posted.remoteId() + "?context=edit");
        assertThat(post.path("title").path("raw").asString()).isEqualTo(TITLE + " (sửa)");
        assertThat(post.path("slug").asString()).isEqualTo(WordPressConnector.slug(first));
        assertThat(post.path("featured_media").asLong()).isEqualTo(keptId);
        assertThat(post.path("content").path("raw").asString()).contains("ban-moi.pdf").doesNotContain("ban-cu.pdf");
        assertThat(rest("/wp-json/wp/v2/media?parent=" + posted.remoteId()).valueStream().map(m -> m.path("id").asLong()))
                .hasSize(2).contains(keptId).doesNotContain(droppedId);
        assertThat(status("/wp-json/wp/v2/media/" + droppedId)).isEqualTo(404);
    }

    @Test
    void removingAPostDeletesItAndTheMediaItUploadedForGood() {
        PublishJob job = WordPressJobs.job(product(), "r1", portal(), Instant.now(),
                List.of(WordPressJobs.image("anh.jpg"), WordPressJobs.pdf("to-roi.pdf")), TITLE);
        RemoteService.Call call = RemoteService.call(job, portal(), wordpress.credentials());
        DeliveryResult.Delivered posted = deliver(call);
        PublishJob delivered = delivered(job, posted, call.memory);
        List<String> files = rest("/wp-json/wp/v2/media?parent=" + posted.remoteId()).valueStream()
                .map(m -> m.path("source_url").asString().replace(wordpress.uri().toString(), "")).toList();

        assertThat(files).allSatisfy(file -> assertThat(status(file)).isEqualTo(200));

        DeliveryResult removed = connector.remove(delivered, portal(), new Credentials(wordpress.credentials()));
        DeliveryResult again = connector.remove(delivered, portal(), new Credentials(wordpress.credentials()));

        assertThat(removed).isInstanceOf(DeliveryResult.Delivered.class);
        assertThat(again).isInstanceOf(DeliveryResult.Delivered.class);
        assertThat(status("/wp-json/wp/v2/posts/" + posted.remoteId() + "?context=edit")).isEqualTo(404);
        assertThat(files).hasSize(2).allSatisfy(file -> assertThat(status(file)).isEqualTo(404));
    }

    /** The job as the scheduler keeps it once delivered: remote id, link and the connector's memory. */
    static PublishJob delivered(PublishJob job, DeliveryResult.Delivered result, Map<String, String> memory) {
        Instant now = Instant.now();
        PublishJob done = job.finished(JobState.DELIVERED, now, new DeliveryAttempt(1, "test", now, now, "DELIVERED",
                result.requestSummary(), result.status(), result.remoteId(), result.remoteUrl(), null),
                result.remoteId(), result.remoteUrl(), null, now);
        for (Map.Entry<String, String> entry : memory.entrySet()) {
            done = done.withConnectorState(entry.getKey(), entry.getValue(), now);
        }
        return done;
    }
}
