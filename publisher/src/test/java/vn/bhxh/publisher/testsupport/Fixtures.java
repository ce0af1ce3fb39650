package vn.bhxh.publisher.testsupport;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import vn.bhxh.elasticsearch.node.TestElasticsearch;
import vn.bhxh.publisher.connector.facebook.FacebookPost;
import vn.bhxh.publisher.connector.webhook.PortalArticle;
import vn.bhxh.publisher.connector.webhook.WebhookChannel;
import vn.bhxh.publisher.connector.youtube.YoutubeVideo;
import vn.bhxh.publisher.connector.zalo.ZaloArticle;
import vn.bhxh.publisher.crypto.CredentialCipher;
import vn.bhxh.publisher.delivery.InMemoryTargetDirectory;
import vn.bhxh.publisher.delivery.Target;
import vn.bhxh.publisher.delivery.TargetCredentials;
import vn.bhxh.publisher.feed.FeedCard;
import vn.bhxh.publisher.job.Channel;
import vn.bhxh.publisher.job.ChannelPayload;
import vn.bhxh.publisher.job.JobStore;
import vn.bhxh.publisher.job.MediaRef;
import vn.bhxh.publisher.job.PublishJob;
import vn.bhxh.publisher.job.PublisherElasticsearch;
import vn.bhxh.publisher.schedule.PublishSchedule;

/** Shared test setup: a job store on its own index of the test node, a cipher, targets, payloads. */
public final class Fixtures {

    public static final CredentialCipher CIPHER = new CredentialCipher(CredentialCipher.newKey());
    private static ElasticsearchClient client;

    private Fixtures() {
    }

    public static synchronized ElasticsearchClient client() {
        if (client == null) {
            client = PublisherElasticsearch.client(TestElasticsearch.uri());
        }
        return client;
    }

    public static JobStore freshStore(String name) {
        JobStore store = new JobStore(client(), indexName(name));
        store.ensureIndex();
        return store;
    }

    public static String indexName(String name) {
        return "publish-jobs-test-" + name.toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Target webhookTarget(String id, URI endpoint, String secret) {
        return new Target(id, WebhookChannel.CHANNEL, "Cổng TTĐT " + id, endpoint, null,
                TargetCredentials.seal(CIPHER, id, Map.of("secret", secret)), Duration.ZERO, List.of("admin@" + id));
    }

    public static InMemoryTargetDirectory directory(Target... targets) {
        InMemoryTargetDirectory directory = new InMemoryTargetDirectory();
        for (Target t : targets) {
            directory.add(t);
        }
        return directory;
    }

    public static ChannelPayload payload(Channel channel, String targetId, String title) {
        return payload(channel, targetId, "3.1", title, "<p>Tham gia BHXH tự nguyện để được hưởng lương hưu khi về già.</p>",
                "BHXH tự nguyện", "https://baohiemxahoi.gov.vn/tin/" + title.hashCode(),
                List.of(new MediaRef("https://cdn.example/anh.jpg", "anh.jpg", "image/jpeg")));
    }

    /** A payload whose channel content (the typed payload its connector reads) carries {@code title} and {@code text}. */
    public static ChannelPayload payload(Channel channel, String targetId, String audience, String title, String text,
            String summary, String link, List<MediaRef> media) {
        return new ChannelPayload(channel, targetId, "vi", audience, title, summary, link, media,
                ChannelPayload.contentOf(content(channel, title, text, summary, link)));
    }

    /** What the templates would render for the channel, as the connector's own record. */
    private static Record content(Channel channel, String title, String text, String summary, String link) {
        return switch (channel.id()) {
            case "WEBHOOK", "WORDPRESS" -> new PortalArticle("vi", title, text);
            case "FACEBOOK" -> new FacebookPost(text, link);
            case "ZALO" -> new ZaloArticle(title, "BHXH Việt Nam", summary, "", List.of(new ZaloArticle.Block.Text(text)));
            case "YOUTUBE" -> new YoutubeVideo(title, text, "vi");
            case "APP_FEED" -> new FeedCard("bhxh:" + title.hashCode(), link, title, summary, "", "vi");
            default -> throw new IllegalArgumentException("no fixture for channel " + channel);
        };
    }

    /** A PENDING job for product {@code productId}, due at {@code due}. */
    public static PublishJob job(String productId, Target target, Instant due) {
        ChannelPayload payload = payload(target.channel(), target.id(), "Vì sao không nên nhận BHXH một lần – " + productId);
        return PublishJob.pending(PublishSchedule.idempotencyKey(productId, "vi", "r1", target.id()))
                .release("dot-thang-5", "thang-5").variant(productId, "vi", "r1").payload(payload).due(due, null)
                .createdAt(due);
    }
}
