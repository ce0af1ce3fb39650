package vn.bhxh.publisher.connector.wordpress;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bhxh.publisher.connector.wordpress.WordPressJobs.TITLE;
import static vn.bhxh.publisher.connector.wordpress.WordPressJobs.rest;
import static vn.bhxh.publisher.connector.wordpress.WordPressJobs.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.bhxh.publisher.crypto.CredentialCipher;
import vn.bhxh.publisher.delivery.Http;
import vn.bhxh.publisher.delivery.InMemoryTargetDirectory;
import vn.bhxh.publisher.delivery.RetryPolicy;
import vn.bhxh.publisher.delivery.Target;
import vn.bhxh.publisher.delivery.TargetAdminNotifier;
import vn.bhxh.publisher.delivery.TargetRateLimiter;
import vn.bhxh.publisher.job.DeliveryAttempt;
import vn.bhxh.publisher.job.JobState;
import vn.bhxh.publisher.job.JobStore;
import vn.bhxh.publisher.job.MediaRef;
import vn.bhxh.publisher.job.PublishJob;
import vn.bhxh.publisher.schedule.PublishSchedule;
import vn.bhxh.publisher.delivery.TargetCredentials;
import vn.bhxh.publisher.schedule.Scheduler;
import vn.bhxh.publisher.schedule.SchedulerSettings;
import vn.bhxh.publisher.schedule.Withdrawal;
import vn.bhxh.publisher.testsupport.Fixtures;
import vn.bhxh.publisher.testsupport.TestWordPress;

/** Scheduler, withdrawal and the job log with the WordPress connector, on the real Elasticsearch and the real WordPress. */
class WordPressPublishingTest {

    private static TestWordPress wordpress;
    private final JobStore store = Fixtures.freshStore("wordpress");
    private final List<String> told = new CopyOnWriteArrayList<>();
    /** Every notice, of any kind: a failed delivery's too, so a test can tell that administrators were told once. */
    private final TargetAdminNotifier notifier = new TargetAdminNotifier() {
        @Override
        public void targetPaused(Target target, String reason) {
            told.add(target.id() + ": " + reason);
        }

        @Override
        public void deliveryFailed(Target target, PublishJob job, String reason) {
            told.add(target.id() + " (lượt gửi " + job.id() + "): " + reason);
        }
    };
    private final WordPressConnector connector = new WordPressConnector(Http.defaultClient(), WordPressJobs.FILES,
            Clock.systemUTC(), Duration.ofSeconds(30));

    @BeforeAll
    static void start() {
        wordpress = TestWordPress.shared();
    }

    private Scheduler scheduler(InMemoryTargetDirectory targets, RetryPolicy retry) {
        return new Scheduler(store, List.of(connector), targets, Fixtures.CIPHER, retry, new TargetRateLimiter(), notifier,
                Clock.systemUTC(), new SchedulerSettings("wp-" + UUID.randomUUID(), Duration.ofSeconds(60), 50,
                        Duration.ofMillis(100), 4));
    }

    private static String product() {
        return "sp-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private PublishJob stored(PublishJob job) {
        return store.get(job.id()).orElseThrow().job();
    }

    @Test
    void aRejectedApplicationPasswordPausesTheTargetAndTellsItsAdministratorsOnce() {
        Map<String, String> wrong = new HashMap<>(wordpress.credentials());
        wrong.put("application_password", "abcd EFGH 1234 ijkl MNOP 6789");
        Target target = WordPressJobs.target("wp-sai-mat-khau", Fixtures.CIPHER, wrong);
        InMemoryTargetDirectory targets = Fixtures.directory(target);
        List<PublishJob> jobs = List.of(product(), product(), product()).stream()
                .map(p -> WordPressJobs.job(p, "r1", target, Instant.now(), List.of(), TITLE)).toList();
        jobs.forEach(store::create);
        store.refresh();

        try (Scheduler scheduler = scheduler(targets, RetryPolicy.defaults())) {
            scheduler.runOnce();
            // A job the first round did not claim is claimed by the next, which finds the target paused and parks it.
            store.refresh();
            scheduler.runOnce();
        }

        assertThat(targets.paused(target.id())).isTrue();
        assertThat(told).containsExactly(target.id() + ": " + WordPressErrors.CREDENTIALS_REJECTED);
        assertThat(jobs).allSatisfy(job -> assertThat(stored(job).state()).isEqualTo(JobState.PAUSED_TARGET));
        PublishJob rejected = jobs.stream().map(this::stored).filter(j -> j.lastAttempt() != null
                && "TOKEN_REJECTED".equals(j.lastAttempt().outcome())).findFirst().orElseThrow();
        assertThat(rejected.reason()).isEqualTo(WordPressErrors.CREDENTIALS_REJECTED);
        assertThat(rejected.lastAttempt().detail()).isEqualTo(WordPressErrors.CREDENTIALS_REJECTED);
        assertThat(rejected.lastAttempt().answer()).contains("rest_forbidden_status");
    }

    @Test
    void aMissingOrUnreadableCredentialPausesTheTargetAtOnceTellsItsAdministratorsOnceAndItsJobsGoOutWhenEntered() {
        Map<String, String> withoutPassword = new HashMap<>(wordpress.credentials());
        withoutPassword.remove("application_password");
        Target missing = WordPressJobs.target("wp-thieu-mat-khau", Fixtures.CIPHER, withoutPassword);
        // Sealed under another key: what a target looks like after the server's credentials key was changed.
        Target unreadable = WordPressJobs.target("wp-khoa-cu", new CredentialCipher(CredentialCipher.newKey()), wordpress.credentials());
        InMemoryTargetDirectory targets = Fixtures.directory(missing, unreadable);
        List<PublishJob> toMissing = List.of(product(), product()).stream()
                .map(p -> WordPressJobs.job(p, "r1", missing, Instant.now(), List.of(), TITLE)).toList();
        PublishJob toUnreadable = WordPressJobs.job(product(), "r1", unreadable, Instant.now(), List.of(), TITLE);
        toMissing.forEach(store::create);
        store.create(toUnreadable);
        store.refresh();

        try (Scheduler scheduler = scheduler(targets, RetryPolicy.defaults())) {
            scheduler.runOnce();
            // A job the first round did not claim is claimed by the next, which finds the target paused and parks it.
            store.refresh();
            scheduler.runOnce();
        }

        String enterPassword = "Chưa nhập mật khẩu ứng dụng cho kênh “Cổng BHXH tỉnh Lào Cai”; hãy nhập ở mục Khóa truy cập"
                + " khi sửa kênh phát hành.";
        String enterAgain = "Không đọc được khóa truy cập đã lưu của kênh “Cổng BHXH tỉnh Lào Cai” (khóa mã hóa của máy chủ đã"
                + " đổi hoặc dữ liệu bị hỏng); hãy nhập lại ở mục Khóa truy cập khi sửa kênh phát hành.";
        assertThat(targets.paused(missing.id())).isTrue();
        assertThat(targets.paused(unreadable.id())).isTrue();
        // Not retried, not failed: every job waits for the paused target. Those that were tried (both jobs to the first
        // target may run at once, or one finds it already paused) have one attempt, failed for the reason in words.
        List<PublishJob> all = new ArrayList<>(toMissing);
        all.add(toUnreadable);
        assertThat(all).extracting(job -> stored(job).state()).containsOnly(JobState.PAUSED_TARGET);
        List<PublishJob> tried = all.stream().map(this::stored).filter(job -> !job.deliveryLog().isEmpty()).toList();
        assertThat(tried).extracting(PublishJob::id).contains(toUnreadable.id());
        assertThat(tried).allSatisfy(job -> assertThat(job.deliveryLog()).singleElement().satisfies(line -> {
            assertThat(line.outcome()).isEqualTo("FAILED");
            assertThat(line.detail()).isEqualTo(job.id().equals(toUnreadable.id()) ? enterAgain : enterPassword);
        }));
        assertThat(told).containsExactlyInAnyOrder(missing.id() + ": " + enterPassword, unreadable.id() + ": " + enterAgain);

        // An administrator enters the password and resumes sending: the waiting jobs go out, nobody schedules them again.
        targets.replaceCredentials(missing.id(), TargetCredentials.seal(Fixtures.CIPHER, missing.id(), wordpress.credentials()));
        targets.resume(missing.id());
        new PublishSchedule(store, Clock.systemUTC()).resumeTarget(missing.id());
        store.refresh();
        try (Scheduler scheduler = scheduler(targets, RetryPolicy.defaults())) {
            scheduler.runOnce();
        }
        assertThat(toMissing).extracting(job -> stored(job).state()).containsOnly(JobState.DELIVERED);
        assertThat(told).hasSize(2);
    }

    @Test
    void aNewRevisionUpdatesThePostInPlaceAndAWithdrawalRemovesThePostAndItsMedia() {
        Target target = WordPressJobs.target("wp-lao-cai", Fixtures.CIPHER, wordpress.credentials());
        InMemoryTargetDirectory targets = Fixtures.directory(target);
        String product = product();
        MediaRef image = WordPressJobs.image("anh.jpg");
        PublishJob first = WordPressJobs.job(product, "r1", target, Instant.now(), List.of(image), TITLE);
        PublishJob second = WordPressJobs.job(product, "r2", target, Instant.now(), List.of(image, WordPressJobs.pdf("to-gap.pdf")),
                TITLE + " (bản sửa)");

        try (Scheduler scheduler = scheduler(targets, RetryPolicy.defaults())) {
            store.create(first);
            store.refresh();
            scheduler.runOnce();
            store.create(second);
            store.refresh();
            scheduler.runOnce();
        }

        PublishJob replaced = stored(first);
        PublishJob current = stored(second);
        assertThat(current.state()).isEqualTo(JobState.DELIVERED);
        assertThat(current.remoteId()).isEqualTo(replaced.remoteId());
        assertThat(replaced.state()).isEqualTo(JobState.CANCELLED);
        assertThat(replaced.deliveryLog()).extracting(DeliveryAttempt::outcome).containsExactly("DELIVERED", "REPLACED");
        assertThat(replaced.deliveryLog()).extracting(DeliveryAttempt::number).containsExactly(1, 2);
        assertThat(rest("/wp-json/wp/v2/posts?context=edit&slug=" + WordPressConnector.slug(first))).hasSize(1);
        assertThat(rest("/wp-json/wp/v2/posts?context=edit&slug=" + WordPressConnector.slug(second))).isEmpty();
        assertThat(rest("/wp-json/wp/v2/posts/" + current.remoteId() + "?context=edit").path("title").path("raw").asString())
                .isEqualTo(TITLE + " (bản sửa)");
        List<String> files = rest("/wp-json/wp/v2/media?parent=" + current.remoteId()).valueStream()
                .map(m -> m.path("source_url").asString().replace(wordpress.uri().toString(), "")).toList();
        assertThat(files).hasSize(2);

        Withdrawal.Report report = new Withdrawal(store, List.of(connector), targets, Fixtures.CIPHER, Clock.systemUTC())
                .withdraw(product, "Rút sản phẩm");

        assertThat(report.removed()).extracting(PublishJob::id).containsExactly(second.id());
        assertThat(report.manual()).isEmpty();
        assertThat(status("/wp-json/wp/v2/posts/" + current.remoteId() + "?context=edit")).isEqualTo(404);
        assertThat(files).allSatisfy(file -> assertThat(status(file)).isEqualTo(404));
        assertThat(stored(second).deliveryLog()).extracting(DeliveryAttempt::number).containsExactly(1, 2);
    }

    @Test
    void attemptNumbersCountOnAcrossARetryByHandAndTheRawErrorPageStaysInTheLogOnly() {
        Target broken = WordPressJobs.target("wp-hong", wordpress.brokenSiteUri(), Fixtures.CIPHER, wordpress.credentials());
        InMemoryTargetDirectory targets = Fixtures.directory(broken);
        PublishJob job = WordPressJobs.job(product(), "r1", broken, Instant.now(), List.of(), TITLE);
        store.create(job);
        store.refresh();
        RetryPolicy once = new RetryPolicy(Duration.ofMillis(10), Duration.ofMillis(10), 1);

        try (Scheduler scheduler = scheduler(targets, once)) {
            scheduler.runOnce();
        }
        new PublishSchedule(store, Clock.systemUTC()).retry(job.id()).orElseThrow();
        store.refresh();
        try (Scheduler scheduler = scheduler(targets, once)) {
            scheduler.runOnce();
        }

        PublishJob failed = stored(job);
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.deliveryLog()).extracting(DeliveryAttempt::number).containsExactly(1, 2);
        assertThat(failed.reason()).contains("HTTP 502").doesNotContain("<");
        assertThat(failed.deliveryLog()).allSatisfy(line -> {
            assertThat(line.detail()).doesNotContain("<");
            assertThat(line.answer()).contains("<html>", "502 Bad Gateway");
        });
    }
}
