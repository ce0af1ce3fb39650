package vn.bhxh.publisher.connector.wordpress;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import tools.jackson.databind.JsonNode;
import vn.bhxh.publisher.connector.webhook.PortalArticle;
import vn.bhxh.publisher.crypto.CredentialCipher;
import vn.bhxh.publisher.delivery.MediaFetcher;
import vn.bhxh.publisher.delivery.Target;
import vn.bhxh.publisher.delivery.TargetCredentials;
import vn.bhxh.publisher.job.ChannelPayload;
import vn.bhxh.publisher.job.Json;
import vn.bhxh.publisher.job.MediaRef;
import vn.bhxh.publisher.job.PublishJob;
import vn.bhxh.publisher.schedule.PublishSchedule;
import vn.bhxh.publisher.testsupport.TestWordPress;

/** Jobs, files and targets for the tests against the real WordPress ({@link TestWordPress}). */
final class WordPressJobs {

    static final String CMS = "http://cms.bhxh.test/api/v1/media/";
    static final String TITLE = "Vì sao không nên nhận BHXH một lần";
    static final String SUMMARY = "Nhận BHXH một lần là mất quyền hưởng lương hưu.";

    private WordPressJobs() {
    }

    static MediaRef image(String name) {
        return new MediaRef(CMS + UUID.randomUUID() + "/" + name, name, "image/jpeg");
    }

    static MediaRef pdf(String name) {
        return new MediaRef(CMS + UUID.randomUUID() + "/" + name, name, "application/pdf");
    }

    /** Serves every file as the CMS would: real bytes of its type (WordPress checks what it is given). */
    static final MediaFetcher FILES = ref -> switch (ref.contentType()) {
        case "image/jpeg" -> jpeg(ref.url().hashCode());
        case "application/pdf" -> ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
                + "trailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
        default -> "MZ not really a program".getBytes(StandardCharsets.US_ASCII);
    };

    private static byte[] jpeg(int seed) {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(new Color(seed & 0xFFFFFF));
        graphics.fillRect(0, 0, 64, 48);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Target target(String id, CredentialCipher cipher, Map<String, String> credentials) {
        return target(id, TestWordPress.shared().uri(), cipher, credentials);
    }

    static Target target(String id, URI site, CredentialCipher cipher, Map<String, String> credentials) {
        return new Target(id, WordPressChannel.CHANNEL, "Cổng BHXH tỉnh Lào Cai", site, null,
                TargetCredentials.seal(cipher, id, credentials), Duration.ZERO, List.of("quantri@laocai"));
    }

    /**
     * Revision {@code revision} of product {@code productId} for {@code target}: the portal content as the templates
     * render it (sapo, body with the last image at the CMS's address, author), with its files.
     */
    static PublishJob job(String productId, String revision, Target target, Instant due, List<MediaRef> media, String title) {
        String bodyImage = media.stream().filter(m -> m.contentType().startsWith("image/")).reduce((a, b) -> b)
                .map(m -> "<figure><img src=\"" + m.url() + "\" alt=\"\"></figure>").orElse("");
        String content = "<p class=\"sapo\">" + SUMMARY + "</p>\n<div class=\"noi-dung\"><p>Người lao động nên bảo lưu"
                + " thời gian đóng.</p>" + bodyImage + "<p><img src=\"http://anh.ngoai.test/logo.png\"></p></div>\n"
                + "<p class=\"tac-gia\">Ban Tuyên truyền và Hỗ trợ người tham gia</p>";
        PortalArticle article = new PortalArticle("vi", title, "<article><h1>" + title + "</h1>" + content + "</article>", content);
        ChannelPayload payload = new ChannelPayload(WordPressChannel.CHANNEL, target.id(), "vi", "3.1", title, SUMMARY,
                "https://baohiemxahoi.gov.vn/p/" + productId, media, ChannelPayload.contentOf(article));
        return PublishJob.pending(PublishSchedule.idempotencyKey(productId, "vi", revision, target.id()))
                .release("dot-thang-5", "thang-5").variant(productId, "vi", revision).payload(payload).due(due, null)
                .createdAt(Instant.now());
    }

    static JsonNode json(String body) {
        return Json.mapper().readTree(body);
    }

    static JsonNode rest(String path) {
        return json(TestWordPress.shared().get(path).body());
    }

    static int status(String path) {
        return TestWordPress.shared().get(path).statusCode();
    }
}
