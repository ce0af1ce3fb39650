package vn.bhxh.publisher.connector.wordpress;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import vn.bhxh.publisher.connector.webhook.PortalArticle;
import vn.bhxh.publisher.crypto.Credentials;
import vn.bhxh.publisher.delivery.Connector;
import vn.bhxh.publisher.delivery.DeliveryRequest;
import vn.bhxh.publisher.delivery.DeliveryResult;
import vn.bhxh.publisher.delivery.HttpAnswer;
import vn.bhxh.publisher.delivery.HttpExchange;
import vn.bhxh.publisher.delivery.MediaFetcher;
import vn.bhxh.publisher.delivery.Target;
import vn.bhxh.publisher.job.Channel;
import vn.bhxh.publisher.job.Json;
import vn.bhxh.publisher.job.MediaRef;
import vn.bhxh.publisher.job.PublishJob;

/**
 * Publishes to a WordPress portal through its REST API (developer.wordpress.org/rest-api). Target endpoint:
 * the site root ({@code https://bhxh.laocai.gov.vn}); credentials: {@code username} and
 * {@code application_password} (WordPress Application Passwords, sent as HTTP Basic).
 *
 * <p>One delivery: every file of the variant goes into the media library (remembered in the job, so a retry does not
 * upload it twice), then the post is created, or updated where this job or an earlier revision of the variant
 * already has one, with the body pointing at WordPress's copies; then each file is attached to the post with alt text
 * and caption, and files of the earlier revision the new one no longer shows are deleted.
 *
 * <p>Check-before-post: a new post carries a readable slug (the title folded to ASCII plus the start of the
 * job's idempotency key); before creating we look that slug up (any status), so a retry after a lost answer finds the
 * post instead of making a second one.
 */
public final class WordPressConnector implements Connector {

    static final String MEDIA = "wordpress.media";
    static final String POST_ID = "wordpress.postId";
    /** Slugs stay short enough to read in an address; WordPress allows 200 characters. */
    static final int SLUG_TITLE_LENGTH = 60;
    static final int SLUG_SUFFIX_LENGTH = 6;

    private final HttpExchange http;
    private final MediaFetcher media;
    private final Clock clock;
    private final Duration timeout;

    public WordPressConnector(HttpClient http, MediaFetcher media, Clock clock, Duration timeout) {
        this.http = new HttpExchange(http, clock);
        this.media = media;
        this.clock = clock;
        this.timeout = timeout;
    }

    @Override
    public Channel channel() {
        return WordPressChannel.CHANNEL;
    }

    @Override
    public boolean updatesInPlace() {
        return true;
    }

    /** The title folded to ASCII words ("vi-sao-khong-nen-nhan-bhxh-mot-lan") and a short suffix stable for the job. */
    static String slug(PublishJob job) {
        String words = fold(job.payload().title() == null ? "" : job.payload().title()).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (words.length() > SLUG_TITLE_LENGTH) {
            words = words.substring(0, SLUG_TITLE_LENGTH).replaceAll("-[^-]*$", "");
        }
        String suffix = job.idempotencyKey().substring(0, SLUG_SUFFIX_LENGTH);
        return (words.isEmpty() ? "bhxh" : words) + "-" + suffix;
    }

    @Override
    public DeliveryResult deliver(DeliveryRequest request) {
        PublishJob job = request.job();
        Target target = request.target();
        String auth = basic(request.credentials());
        PublishJob previous = request.previous();
        try {
            String postId = request.memory().recall(POST_ID);
            if (postId == null && previous != null) {
                postId = previous.remoteId();
            }
            if (postId == null) {
                String lookup = "/wp-json/wp/v2/posts?slug=" + slug(job) + "&status=publish,future,draft,pending,private&context=edit";
                HttpAnswer existing = http.send(get(target, lookup, auth));
                if (!existing.success()) {
                    return WordPressErrors.classify("GET " + lookup, existing);
                }
                JsonNode found = existing.json();
                if (found != null && found.isArray() && !found.isEmpty()) {
                    postId = found.get(0).path("id").asString(); // a retry after a lost answer: complete that post
                }
            }
            UploadedMedia uploaded = UploadedMedia.read(request.memory().recall(MEDIA));
            UploadedMedia earlier = UploadedMedia.read(previous == null ? null : previous.connectorState().get(MEDIA));
            for (MediaRef file : job.payload().media()) {
                if (uploaded.get(file.url()) != null) {
                    continue;
                }
                UploadedMedia.Item item = earlier.get(file.url());
                if (item == null) {
                    HttpAnswer answer = http.send(upload(target, auth, file));
                    if (!answer.success()) {
                        return WordPressErrors.classify("POST /wp-json/wp/v2/media " + file.fileName(), answer);
                    }
                    item = new UploadedMedia.Item(answer.jsonOrEmpty().path("id").asLong(),
                            answer.jsonOrEmpty().path("source_url").asString());
                }
                uploaded.put(file.url(), item);
                request.memory().remember(MEDIA, uploaded.json());
            }
            String featured = job.payload().media().stream().filter(WordPressBody::isImage).map(MediaRef::url)
                    .findFirst().orElse(null);
            ObjectNode post = postBody(job, target, uploaded, featured);
            HttpAnswer saved = null;
            String summary = null;
            if (postId != null) {
                summary = "POST /wp-json/wp/v2/posts/" + postId + " (cập nhật / update)";
                saved = http.send(json(target, "/wp-json/wp/v2/posts/" + postId, auth, post));
                if (saved.status() == 404 || saved.status() == 410) {
                    postId = null; // deleted on the site by hand: post it again
                }
            }
            if (postId == null) {
                post.put("slug", slug(job));
                summary = "POST /wp-json/wp/v2/posts slug=" + slug(job);
                saved = http.send(json(target, "/wp-json/wp/v2/posts", auth, post));
            }
            summary += " status=" + post.path("status").asString() + " media=" + uploaded.byUrl().size();
            if (!saved.success()) {
                return WordPressErrors.classify(summary, saved);
            }
            postId = saved.jsonOrEmpty().path("id").asString();
            request.memory().remember(POST_ID, postId);
            DeliveryResult attached = attach(target, auth, job, postId, uploaded);
            if (attached != null) {
                return attached;
            }
            for (UploadedMedia.Item old : earlier.byUrl().values()) {
                if (!uploaded.holds(old.id())) {
                    http.send(deleteMedia(target, auth, old.id())); // a leftover file is harmless: its answer does not matter
                }
            }
            return new DeliveryResult.Delivered(summary, saved.status(), postId, saved.jsonOrEmpty().path("link").asString(null), null);
        } catch (IOException | InterruptedException e) {
            return DeliveryResult.unreachable("WordPress " + target.endpoint(), e);
        }
    }

    /** Each file belongs to the post (WordPress lists it as the post's attachment) with alt text and caption. */
    private DeliveryResult attach(Target target, String auth, PublishJob job, String postId, UploadedMedia uploaded)
            throws IOException, InterruptedException {
        for (MediaRef file : job.payload().media()) {
            UploadedMedia.Item item = uploaded.get(file.url());
            ObjectNode fields = Json.mapper().createObjectNode();
            fields.put("post", Long.parseLong(postId));
            fields.put("alt_text", WordPressBody.isImage(file) ? job.payload().title() : "");
            fields.put("caption", caption(job, file));
            String path = "/wp-json/wp/v2/media/" + item.id();
            HttpAnswer answer = http.send(json(target, path, auth, fields));
            if (!answer.success()) {
                return WordPressErrors.classify("POST " + path + " post=" + postId, answer);
            }
        }
        return null;
    }

    private static String caption(PublishJob job, MediaRef file) {
        return WordPressBody.isImage(file) ? job.payload().title() : job.payload().title() + " (" + file.fileName() + ")";
    }

    /**
     * Removes the post and the media items this job uploaded (both for good: WordPress's trash would keep them public
     * at their addresses).
     */
    @Override
    public DeliveryResult remove(PublishJob job, Target target, Credentials credentials) {
        String auth = basic(credentials);
        String path = "/wp-json/wp/v2/posts/" + job.remoteId() + "?force=true";
        HttpRequest delete = HttpRequest.newBuilder(target.resolve(path)).timeout(timeout)
                .header("Authorization", auth).DELETE().build();
        try {
            HttpAnswer answer = http.send(delete);
            if (!answer.success() && answer.status() != 404 && answer.status() != 410) {
                return WordPressErrors.classify("DELETE " + path, answer);
            }
            UploadedMedia uploaded = UploadedMedia.read(job.connectorState().get(MEDIA));
            for (UploadedMedia.Item item : uploaded.byUrl().values()) {
                HttpAnswer removed = http.send(deleteMedia(target, auth, item.id()));
                if (!removed.success() && removed.status() != 404 && removed.status() != 410) {
                    return WordPressErrors.classify("DELETE /wp-json/wp/v2/media/" + item.id(), removed);
                }
            }
            return new DeliveryResult.Delivered("DELETE " + path + " media=" + uploaded.byUrl().size(), answer.status(),
                    job.remoteId(), null, null);
        } catch (IOException | InterruptedException e) {
            return DeliveryResult.unreachable("DELETE " + path, e);
        }
    }

    private HttpRequest deleteMedia(Target target, String auth, long id) {
        return HttpRequest.newBuilder(target.resolve("/wp-json/wp/v2/media/" + id + "?force=true")).timeout(timeout)
                .header("Authorization", auth).DELETE().build();
    }

    private HttpRequest json(Target target, String path, String auth, ObjectNode body) {
        return HttpRequest.newBuilder(target.resolve(path)).timeout(timeout).header("Authorization", auth)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(body))).build();
    }

    private ObjectNode postBody(PublishJob job, Target target, UploadedMedia uploaded, String featured) {
        PortalArticle article = job.payload().content(PortalArticle.class);
        // Jobs scheduled before the templates rendered a title-less content carry only the whole article.
        String html = article.content() != null ? article.content() : article.html();
        ObjectNode post = Json.mapper().createObjectNode();
        post.put("title", article.title());
        post.put("content", WordPressBody.of(html, job.payload().media(), uploaded, featured, target.endpoint(),
                job.payload().title()));
        post.put("excerpt", job.payload().summary() == null ? "" : job.payload().summary());
        // Due later than now (a job delivered ahead of time): let WordPress publish it itself at the due time.
        if (job.dueAt().isAfter(clock.instant().plusSeconds(60))) {
            post.put("status", "future");
            post.put("date_gmt", job.dueAt().toString().replace("Z", ""));
        } else {
            post.put("status", "publish");
        }
        UploadedMedia.Item image = featured == null ? null : uploaded.get(featured);
        post.put("featured_media", image == null ? 0 : image.id());
        return post;
    }

    private HttpRequest upload(Target target, String auth, MediaRef file) throws IOException {
        byte[] bytes = media.fetch(file);
        // HTTP headers are ASCII: a plain fallback name, and the real Vietnamese name per RFC 6266/8187.
        String disposition = "attachment; filename=\"" + asciiFallback(file.fileName()) + "\"; filename*=UTF-8''"
                + URLEncoder.encode(file.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
        return HttpRequest.newBuilder(target.resolve("/wp-json/wp/v2/media")).timeout(timeout)
                .header("Authorization", auth).header("Content-Type", file.contentType())
                .header("Content-Disposition", disposition)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
    }

    static String asciiFallback(String fileName) {
        return fold(fileName).replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** Vietnamese letters without their marks (đ to d), other characters as they are. */
    private static String fold(String text) {
        return Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    private HttpRequest get(Target target, String path, String auth) {
        return HttpRequest.newBuilder(target.resolve(path)).timeout(timeout).header("Authorization", auth).GET().build();
    }

    static String basic(Credentials credentials) {
        String pair = credentials.require("username", "tên đăng nhập WordPress") + ":"
                + credentials.require("application_password", "mật khẩu ứng dụng");
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
