package vn.bhxh.publisher.connector.zalo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.bhxh.publisher.crypto.Credentials;
import vn.bhxh.publisher.delivery.Connector;
import vn.bhxh.publisher.delivery.DeliveryRequest;
import vn.bhxh.publisher.delivery.DeliveryResult;
import vn.bhxh.publisher.delivery.Forms;
import vn.bhxh.publisher.delivery.HttpAnswer;
import vn.bhxh.publisher.delivery.HttpAnswers;
import vn.bhxh.publisher.delivery.HttpExchange;
import vn.bhxh.publisher.delivery.Target;
import vn.bhxh.publisher.job.Channel;
import vn.bhxh.publisher.job.ChannelPayload;
import vn.bhxh.publisher.job.Json;
import vn.bhxh.publisher.job.MediaRef;
import vn.bhxh.publisher.job.PublishJob;

/**
 * Publishes an article on a Zalo Official Account. Target endpoint: {@code https://openapi.zalo.me};
 * credentials: {@code access_token}, {@code refresh_token}, {@code app_id}, {@code secret_key}.
 *
 * <p>Creating an article is asynchronous: {@code article/create} returns a token and {@code article/verify}
 * turns it into the article id. The token is kept in the job as soon as we have it, so an instance that takes
 * the job over after a crash verifies instead of creating a second article. Zalo answers errors inside HTTP 200
 * ({@code error != 0}); on an invalid token (-216 or 401) the connector refreshes once — the refresh token is
 * single-use, so the new pair is handed back to be stored at once — and retries once.
 */
public final class ZaloOaConnector implements Connector {

    static final String ARTICLE_TOKEN = "zalo.articleToken";
    static final String UPDATE_TOKEN = "zalo.updateToken";
    /** Who signs an article whose template left the author empty. */
    static final String AUTHOR = "BHXH Việt Nam";
    public static final URI OAUTH = URI.create("https://oauth.zaloapp.com/v4/oa/access_token");

    private final HttpExchange http;
    private final Clock clock;
    private final Duration timeout;
    private final URI oauthTokenUri;

    public ZaloOaConnector(HttpClient http, Clock clock, Duration timeout, URI oauthTokenUri) {
        this.http = new HttpExchange(http, clock);
        this.clock = clock;
        this.timeout = timeout;
        this.oauthTokenUri = oauthTokenUri;
    }

    @Override
    public Channel channel() {
        return ZaloChannel.CHANNEL;
    }

    /**
     * A new revision updates the article already on the OA ({@code article/update} with its id, answered like
     * {@code article/create} with a token to verify). Where Zalo refuses the update, the article stays as it was and the
     * job is listed for a person ({@link DeliveryResult.UpdateByHand}): a second article beside the first would confuse
     * followers.
     */
    @Override
    public boolean updatesInPlace() {
        return true;
    }

    @Override
    public DeliveryResult deliver(DeliveryRequest request) {
        PublishJob previous = request.previous();
        Session session = new Session(request.target(), request.credentials(), request.credentialsRenewed());
        if (previous != null && previous.remoteId() != null) {
            return update(request, previous, session);
        }
        try {
            String articleToken = request.memory().recall(ARTICLE_TOKEN);
            if (articleToken == null) {
                ZaloAnswer created = session.call("/v2.0/article/create", article(request.job().payload()));
                if (!created.ok()) {
                    return classify("POST /v2.0/article/create", created);
                }
                articleToken = created.data().path("token").asString();
                request.memory().remember(ARTICLE_TOKEN, articleToken);
            }
            ObjectNode verify = Json.mapper().createObjectNode().put("token", articleToken);
            ZaloAnswer verified = session.call("/v2.0/article/verify", verify);
            if (!verified.ok()) {
                return classify("POST /v2.0/article/verify", verified);
            }
            String id = verified.data().path("id").asString();
            return new DeliveryResult.Delivered("POST /v2.0/article/create + verify", verified.httpStatus(), id,
                    "https://zalo.me/" + request.target().account() + "/article/" + id, null);
        } catch (TokenRefreshFailed e) {
            return ZaloErrors.refreshFailed("POST " + oauthTokenUri, e.status, e.getMessage());
        } catch (IOException | InterruptedException e) {
            return DeliveryResult.unreachable("Zalo", e);
        }
    }

    private DeliveryResult update(DeliveryRequest request, PublishJob previous, Session session) {
        String id = previous.remoteId();
        try {
            String token = request.memory().recall(UPDATE_TOKEN);
            if (token == null) {
                ObjectNode article = article(request.job().payload());
                article.put("id", id);
                ZaloAnswer updated = session.call("/v2.0/article/update", article);
                if (!updated.ok()) {
                    DeliveryResult result = classify("POST /v2.0/article/update id=" + id, updated);
                    return result instanceof DeliveryResult.Permanent
                            ? ZaloErrors.updateRefused("POST /v2.0/article/update id=" + id, updated, request.job(), previous)
                            : result;
                }
                token = updated.data() == null ? "" : updated.data().path("token").asString("");
                if (token.isEmpty()) {
                    return new DeliveryResult.Delivered("POST /v2.0/article/update id=" + id, updated.httpStatus(), id,
                            previous.remoteUrl(), null);
                }
                request.memory().remember(UPDATE_TOKEN, token);
            }
            ZaloAnswer verified = session.call("/v2.0/article/verify", Json.mapper().createObjectNode().put("token", token));
            if (!verified.ok()) {
                return classify("POST /v2.0/article/verify (cập nhật / update)", verified);
            }
            return new DeliveryResult.Delivered("POST /v2.0/article/update + verify id=" + id, verified.httpStatus(), id,
                    previous.remoteUrl(), null);
        } catch (TokenRefreshFailed e) {
            return ZaloErrors.refreshFailed("POST " + oauthTokenUri, e.status, e.getMessage());
        } catch (IOException | InterruptedException e) {
            return DeliveryResult.unreachable("Zalo", e);
        }
    }

    /** Uploads an image (≤ 1 MB) for messages and broadcasts; returns its {@code attachment_id}. */
    public String uploadImage(Target target, Credentials credentials, byte[] image, String fileName, String contentType)
            throws IOException, InterruptedException {
        String boundary = "----bhxh" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[head.length + image.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(image, 0, body, head.length, image.length);
        System.arraycopy(tail, 0, body, head.length + image.length, tail.length);
        Session session = new Session(target, credentials, renewed -> { });
        ZaloAnswer answer = session.send(token -> HttpRequest.newBuilder(target.resolve("/v2.0/oa/upload/image"))
                .timeout(timeout).header("access_token", token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        if (!answer.ok()) {
            throw new IOException(answer.reason());
        }
        return answer.data().path("attachment_id").asString();
    }

    /**
     * Broadcasts up to five published articles to the OA's followers matching {@code audience}. Zalo reviews a
     * broadcast (about 30 minutes) before it goes out; the answer's message id is what to ask about later.
     */
    public DeliveryResult broadcast(Target target, Credentials credentials, List<String> articleIds,
                                    ZaloBroadcastTarget audience) {
        if (articleIds.isEmpty() || articleIds.size() > 5) {
            throw new IllegalArgumentException("Một lần gửi 1–5 bài / a broadcast carries 1 to 5 articles, got " + articleIds.size());
        }
        ObjectNode body = Json.mapper().createObjectNode();
        ObjectNode recipient = body.putObject("recipient").putObject("target");
        if (audience.ages() != null) {
            recipient.put("ages", audience.ages());
        }
        if (audience.gender() != null) {
            recipient.put("gender", audience.gender());
        }
        if (audience.cities() != null) {
            recipient.put("cities", audience.cities());
        }
        if (audience.platform() != null) {
            recipient.put("platform", audience.platform());
        }
        ArrayNode elements = body.putObject("message").putObject("attachment").put("type", "template")
                .putObject("payload").put("template_type", "media").putArray("elements");
        articleIds.forEach(id -> elements.addObject().put("media_type", "article").put("attachment_id", id));
        Session session = new Session(target, credentials, renewed -> { });
        String summary = "POST /v2.0/oa/message broadcast articles=" + articleIds;
        try {
            ZaloAnswer answer = session.call("/v2.0/oa/message", body);
            return answer.ok() ? new DeliveryResult.Delivered(summary, answer.httpStatus(),
                    answer.data().path("message_id").asString(null), null, null) : classify(summary, answer);
        } catch (TokenRefreshFailed e) {
            return ZaloErrors.refreshFailed("POST " + oauthTokenUri, e.status, e.getMessage());
        } catch (IOException | InterruptedException e) {
            return DeliveryResult.unreachable(summary, e);
        }
    }

    @Override
    public DeliveryResult remove(PublishJob job, Target target, Credentials credentials) {
        Session session = new Session(target, credentials, renewed -> { });
        try {
            ZaloAnswer answer = session.call("/v2.0/article/remove", Json.mapper().createObjectNode().put("id", job.remoteId()));
            return answer.ok() ? new DeliveryResult.Delivered("POST /v2.0/article/remove", answer.httpStatus(), job.remoteId(),
                    null, null) : classify("POST /v2.0/article/remove", answer);
        } catch (TokenRefreshFailed e) {
            return ZaloErrors.refreshFailed("POST " + oauthTokenUri, e.status, e.getMessage());
        } catch (IOException | InterruptedException e) {
            return DeliveryResult.unreachable("Zalo", e);
        }
    }

    private static DeliveryResult classify(String summary, ZaloAnswer answer) {
        return ZaloErrors.classify(summary, answer);
    }

    /**
     * The article/create body from the rendered article: its blocks as they are, the cover from the payload's first
     * image (else the template's), title and description cut to Zalo's 150 and 300 characters.
     */
    static ObjectNode article(ChannelPayload payload) {
        ZaloArticle rendered = payload.content(ZaloArticle.class);
        ObjectNode article = Json.mapper().createObjectNode();
        article.put("type", "normal");
        article.put("title", cut(rendered.title(), 150));
        article.put("author", blank(rendered.author()) ? AUTHOR : rendered.author());
        article.put("description", cut(blank(rendered.description()) ? rendered.title() : rendered.description(), 300));
        article.put("status", "show");
        article.put("comment", "show");
        String cover = payload.media().stream().filter(m -> m.contentType() != null && m.contentType().startsWith("image/"))
                .map(MediaRef::url).findFirst().orElse(blank(rendered.coverPhotoUrl()) ? null : rendered.coverPhotoUrl());
        if (cover != null) {
            article.putObject("cover").put("cover_type", "photo").put("photo_url", cover).put("status", "show");
        }
        ArrayNode body = article.putArray("body");
        rendered.body().forEach(block -> body.add(Json.mapper().<JsonNode>valueToTree(block)));
        return article;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** Calls with the current access token; on an invalid token refreshes once and repeats the call once. */
    private final class Session {
        private final Target target;
        private final Map<String, String> credentials;
        private final Consumer<Map<String, String>> renewed;
        private boolean refreshed;

        Session(Target target, Credentials credentials, Consumer<Map<String, String>> renewed) {
            this.target = target;
            // Every call starts with the stored token (a refresh only follows its refusal): without one, say which to enter.
            credentials.require("access_token", "mã truy cập Zalo OA");
            this.credentials = new HashMap<>();
            for (String name : new String[] {"access_token", "refresh_token", "app_id", "secret_key"}) {
                if (credentials.get(name) != null) {
                    this.credentials.put(name, credentials.get(name));
                }
            }
            this.renewed = renewed;
        }

        ZaloAnswer call(String path, JsonNode json) throws IOException, InterruptedException {
            byte[] body = Json.mapper().writeValueAsBytes(json);
            return send(token -> HttpRequest.newBuilder(target.resolve(path)).timeout(timeout)
                    .header("access_token", token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        }

        ZaloAnswer send(Function<String, HttpRequest> request) throws IOException, InterruptedException {
            ZaloAnswer answer = exchange(request.apply(credentials.get("access_token")));
            if (answer.tokenInvalid() && !refreshed) {
                refresh();
                answer = exchange(request.apply(credentials.get("access_token")));
            }
            return answer;
        }

        private void refresh() throws IOException, InterruptedException {
            refreshed = true;
            String form = Forms.encode(Map.of("grant_type", "refresh_token",
                    "refresh_token", credentials.getOrDefault("refresh_token", ""),
                    "app_id", credentials.getOrDefault("app_id", "")));
            HttpAnswer response = http.send(HttpRequest.newBuilder(oauthTokenUri).timeout(timeout)
                    .header("secret_key", credentials.getOrDefault("secret_key", ""))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build());
            JsonNode answer = response.json();
            if (answer == null || !answer.hasNonNull("access_token") || !answer.hasNonNull("refresh_token")) {
                String detail = answer == null ? "HTTP " + response.status() : answer.path("error").asString("") + " "
                        + answer.path("error_name").asString(answer.path("message").asString(""));
                throw new TokenRefreshFailed(response.status(), "HTTP " + response.status() + ": " + detail.trim());
            }
            credentials.put("access_token", answer.get("access_token").asString());
            credentials.put("refresh_token", answer.get("refresh_token").asString());
            renewed.accept(Map.copyOf(credentials));
        }

        private ZaloAnswer exchange(HttpRequest request) throws IOException, InterruptedException {
            HttpAnswer response = http.send(request);
            JsonNode body = response.json();
            if (body == null || !body.has("error")) {
                return new ZaloAnswer(response.status(), response.success() ? -1 : response.status(),
                        HttpAnswers.abbreviate(String.valueOf(response.body())), null, raw(response));
            }
            return new ZaloAnswer(response.status(), body.path("error").asInt(), body.path("message").asString(""),
                    body.path("data"), raw(response));
        }
    }

    private static String raw(HttpAnswer response) {
        return HttpAnswers.abbreviate(String.valueOf(response.body()).strip());
    }

    private static final class TokenRefreshFailed extends IOException {
        final int status;

        TokenRefreshFailed(int status, String message) {
            super(message);
            this.status = status;
        }
    }
}
