package vn.bhxh.cms.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import vn.bhxh.cms.ApiClient;
import vn.bhxh.cms.Await;
import vn.bhxh.cms.CmsIntegrationTest;
import vn.bhxh.cms.Json;
import vn.bhxh.cms.TestUsers;
import vn.bhxh.cms.elasticsearch.IndexInitializer;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;
import vn.bhxh.cms.distribution.ScheduleCommand;
import vn.bhxh.cms.distribution.ScheduleService;
import vn.bhxh.cms.distribution.TargetCommand;
import vn.bhxh.cms.distribution.TargetService;
import vn.bhxh.cms.product.ProductInfo;
import vn.bhxh.cms.product.ProductService;
import vn.bhxh.cms.product.ProductType;
import vn.bhxh.cms.product.Scope;
import vn.bhxh.cms.product.Variant;
import vn.bhxh.cms.product.VariantContent;
import vn.bhxh.cms.security.Actor;
import vn.bhxh.cms.security.Role;
import vn.bhxh.cms.security.Scopes;
import vn.bhxh.cms.site.WebFormats;
import vn.bhxh.cms.workflow.WorkflowAction;
import vn.bhxh.publisher.connector.webhook.WebhookChannel;

/**
 * E-mail notifications of workflow steps and translation requests, sent over SMTP (Spring's JavaMail client, as the mail
 * starter configures it) to a real SMTP server (GreenMail on a free local port): the right people, each as they chose
 * (at once, in the daily digest, not at all), in Vietnamese, as plain text and HTML, linking to the page. The steps
 * themselves only fill the outbox: they succeed whatever the SMTP server does, and what it refused goes out later. A
 * delivery a portal refuses, and a target whose token it refuses, reach whoever scheduled it and the administrators.
 */
@CmsIntegrationTest
class NotificationMailTest {

    static GreenMail smtp;

    @LocalServerPort
    int port;

    @Autowired
    IndexInitializer indices;

    @Autowired
    MailDispatcher dispatcher;

    @Autowired
    NotificationStore store;

    @Autowired
    NotificationProperties properties;

    @Autowired
    ProductService products;

    @Autowired
    TargetService targets;

    @Autowired
    ScheduleService schedules;

    ApiClient admin;
    String suffix;

    @BeforeAll
    static void startSmtp() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @BeforeEach
    void setUp() throws Exception {
        Await.until(indices::isReady, Duration.ofSeconds(120), "indices created");
        admin = new ApiClient(port, CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD);
        suffix = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        smtp.purgeEmailFromAllMailboxes();
    }

    @Test
    void eachStepMailsThePeopleWhoMustActNext() throws Exception {
        ApiClient editor = user("bt", "[\"EDITOR\"]", "{}", "IMMEDIATE");
        ApiClient reviewer = user("td", "[\"REVIEWER\"]", "{\"topics\":[\"VOLUNTARY_SI\"]}", "IMMEDIATE");
        user("td-khac", "[\"REVIEWER\"]", "{\"topics\":[\"STUDENT_HI\"]}", "IMMEDIATE");
        ApiClient approver = user("ld", "[\"APPROVER\"]", "{}", "IMMEDIATE");
        user("ld-tonghop", "[\"APPROVER\"]", "{}", "DAILY_DIGEST");
        user("ld-khong", "[\"APPROVER\"]", "{}", "NONE");
        user("dich-tay", "[\"TRANSLATOR\"]", "{\"languages\":[\"tyz\"]}", "IMMEDIATE");
        user("dich-mong", "[\"TRANSLATOR\"]", "{\"languages\":[\"hmn\"]}", "IMMEDIATE");

        String title = "Lợi ích của BHXH tự nguyện " + suffix;
        String id = create(editor, title);
        String vi = "/api/v1/products/" + id + "/variants/vi";
        String page = "http://localhost:8080/products/" + id + "/variants/vi";

        // Submitted: the reviewer of its topic, not the reviewer of another one, nor the editor who submitted.
        assertThat(transition(editor, vi, "SUBMIT", null).statusCode()).isEqualTo(200);
        MimeMessage toReviewer = only(deliver(), "td");
        assertThat(toReviewer.getSubject()).isEqualTo("[BHXH] Chờ thẩm định: " + title);
        assertThat(toReviewer.getFrom()[0].toString()).isEqualTo("thong-bao@baohiemxahoi.gov.vn");
        String text = part(toReviewer, "text/plain");
        assertThat(text).startsWith("Kính gửi Người dùng td-" + suffix + ",")
                .contains("Người dùng bt-" + suffix + " đã trình thẩm định \"" + title + "\" (Tờ rơi, Tiếng Việt) lúc ")
                .containsPattern("lúc \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}\\.")
                .contains("Mở trang: " + page).contains("http://localhost:8080/profile");
        String html = part(toReviewer, "text/html");
        assertThat(html).contains("<html lang=\"vi\">").contains("<a href=\"" + page + "\">Mở trong hệ thống</a>")
                .contains("đã trình thẩm định &quot;" + title + "&quot;");

        // Reviewed: the approver who wants each e-mail at once; the one on a digest waits; the one who said no, never.
        assertThat(transition(reviewer, vi, "REVIEW", "Đúng quy định").statusCode()).isEqualTo(200);
        MimeMessage toApprover = only(deliver(), "ld");
        assertThat(toApprover.getSubject()).isEqualTo("[BHXH] Chờ phê duyệt: " + title);
        assertThat(part(toApprover, "text/plain")).contains("Người dùng td-" + suffix + " đã thẩm định đạt")
                .contains("Ý kiến: Đúng quy định");

        // Rejected: the author, with the reason.
        assertThat(transition(approver, vi, "REJECT", "Thiếu mức đóng tối thiểu & cách đăng ký").statusCode()).isEqualTo(200);
        MimeMessage toAuthor = only(deliver(), "bt");
        assertThat(toAuthor.getSubject()).isEqualTo("[BHXH] Bị từ chối: " + title);
        assertThat(part(toAuthor, "text/plain")).contains("Lý do: Thiếu mức đóng tối thiểu & cách đăng ký");
        assertThat(part(toAuthor, "text/html")).contains("<strong>Lý do:</strong> Thiếu mức đóng tối thiểu &amp; cách đăng ký");

        // Again, approved, then published by an administrator: the author hears of both.
        assertThat(transition(editor, vi, "SUBMIT", null).statusCode()).isEqualTo(200);
        assertThat(transition(reviewer, vi, "REVIEW", null).statusCode()).isEqualTo(200);
        deliver();
        assertThat(transition(approver, vi, "APPROVE", null).statusCode()).isEqualTo(200);
        assertThat(only(deliver(), "bt").getSubject()).isEqualTo("[BHXH] Đã phê duyệt: " + title);
        assertThat(transition(admin, vi, "PUBLISH", null).statusCode()).isEqualTo(200);
        assertThat(only(deliver(), "bt").getSubject()).isEqualTo("[BHXH] Đã phát hành: " + title);

        // A translation into Tày: its translators, not those of Hmong; the link opens the translator's page.
        assertThat(editor.post("/api/v1/products/" + id + "/variants", "{\"language\":\"tyz\"}").statusCode()).isEqualTo(201);
        MimeMessage toTranslator = only(deliver(), "dich-tay");
        assertThat(toTranslator.getSubject()).isEqualTo("[BHXH] Yêu cầu dịch: " + title);
        assertThat(part(toTranslator, "text/plain")).contains("(Tờ rơi, Tày)")
                .contains("http://localhost:8080/translate/" + id + "/tyz");

        // The approver on a digest gets one e-mail the next morning with both reviews; the one who said no got nothing.
        assertThat(mine()).noneMatch(m -> to(m).startsWith("ld-tonghop-") || to(m).startsWith("ld-khong-"));
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
        dispatcher.digests(tomorrow);
        dispatcher.digests(tomorrow);
        dispatcher.sendDue(mailer(smtp.getSmtp().getPort()), tomorrow);
        List<MimeMessage> digests = mine().stream().filter(m -> to(m).startsWith("ld-tonghop-")).toList();
        assertThat(digests).hasSize(1);
        assertThat(digests.getFirst().getSubject()).startsWith("[BHXH] Tổng hợp thông báo ngày ").endsWith("(2 mục)");
        String digest = part(digests.getFirst(), "text/plain");
        assertThat(digest.split("đã thẩm định đạt", -1)).hasSize(3);
        assertThat(digest).contains(page);
        assertThat(mine()).noneMatch(m -> to(m).startsWith("ld-khong-"));
    }

    @Test
    void aStepSucceedsWhileTheSmtpServerIsDownAndItsMailGoesOutLater() throws Exception {
        ApiClient editor = user("bt", "[\"EDITOR\"]", "{}", "IMMEDIATE");
        user("td", "[\"REVIEWER\"]", "{\"topics\":[\"VOLUNTARY_SI\"]}", "IMMEDIATE");
        String id = create(editor, "Chế độ thai sản " + suffix);
        String vi = "/api/v1/products/" + id + "/variants/vi";
        assertThat(transition(editor, vi, "SUBMIT", null).statusCode()).isEqualTo(200);

        // The SMTP server is down: the attempt is recorded and the next one waits.
        Instant now = Instant.now();
        dispatcher.sendDue(mailer(closedPort()), now);
        OutgoingMail waiting = outboxOf("td");
        assertThat(waiting.state()).isEqualTo(MailState.PENDING);
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.lastError()).isNotBlank();
        assertThat(waiting.nextAttemptAt()).isAfter(now);
        // Not before its time, even with the server back.
        dispatcher.sendDue(mailer(smtp.getSmtp().getPort()), now);
        assertThat(mine()).isEmpty();

        dispatcher.sendDue(mailer(smtp.getSmtp().getPort()), waiting.nextAttemptAt());
        assertThat(mine()).extracting(NotificationMailTest::to).containsExactly("td-" + suffix + "@bhxh.test");
        assertThat(outboxOf("td").state()).isEqualTo(MailState.SENT);

        // An e-mail the server keeps refusing is given up after the last attempt, and stays in the outbox marked so.
        assertThat(transition(new ApiClient(port, "td-" + suffix, TestUsers.PASSWORD), vi, "REJECT", "Chưa rõ").statusCode())
                .isEqualTo(200);
        Instant later = Instant.now();
        for (int attempt = 0; attempt < properties.maxAttempts(); attempt++) {
            dispatcher.sendDue(mailer(closedPort()), later);
            later = later.plus(properties.retryMax());
        }
        OutgoingMail givenUp = outboxOf("bt");
        assertThat(givenUp.state()).isEqualTo(MailState.FAILED);
        assertThat(givenUp.attempts()).isEqualTo(properties.maxAttempts());
    }

    @Test
    void settingsAreCheckedAndNameTheField() {
        ApiClient someone = TestUsers.ensure(port, admin, "caidat-" + suffix, "[\"EDITOR\"]", "{}");
        assertThat(Json.parse(someone.get("/api/v1/me/notifications").body()).get("frequency").asString()).isEqualTo("IMMEDIATE");

        HttpResponse<String> bad = settings(someone, "{\"email\":\"ten@khong-co-dau-cham\",\"frequency\":\"IMMEDIATE\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
        assertThat(Json.parse(bad.body()).get("detail").asString()).contains("Trường \"email\"").contains("không đúng dạng địa chỉ e-mail");
        HttpResponse<String> missing = settings(someone, "{\"frequency\":\"DAILY_DIGEST\"}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(Json.parse(missing.body()).get("detail").asString()).contains("Trường \"email\"").contains("bắt buộc");
        HttpResponse<String> english = someone.send(someone.request("/api/v1/me/notifications").header("Accept-Language", "en")
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"frequency\":\"IMMEDIATE\"}")));
        assertThat(Json.parse(english.body()).get("detail").asString()).contains("Field \"email\" is required");
        HttpResponse<String> unknown = settings(someone, "{\"email\":\"a@b.vn\",\"frequency\":\"WEEKLY\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("frequency").contains("DAILY_DIGEST");

        HttpResponse<String> saved = settings(someone, "{\"email\":\" Ten.Nguoi@BHXH.test \",\"frequency\":\"DAILY_DIGEST\"}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        var read = Json.parse(someone.get("/api/v1/me/notifications").body());
        assertThat(read.get("email").asString()).isEqualTo("ten.nguoi@bhxh.test");
        assertThat(read.get("frequency").asString()).isEqualTo("DAILY_DIGEST");
        assertThat(settings(someone, "{\"frequency\":\"NONE\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void aFailedDeliveryAndAPausedTargetMailWhoScheduledItAndTheAdministrators() throws Exception {
        HttpServer portal = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        portal.createContext("/tu-choi", exchange -> answer(exchange, 400, "{\"error\":\"thiếu chuyên mục\"}"));
        portal.createContext("/het-han", exchange -> answer(exchange, 401, "{\"error\":\"token hết hạn\"}"));
        portal.start();
        try {
            user("bt", "[\"EDITOR\"]", "{}", "IMMEDIATE");
            user("qt", "[\"ADMIN\"]", "{}", "IMMEDIATE");
            Actor administrator = new Actor("admin", Set.of(Role.ADMIN), Scopes.NONE);
            String refusing = "cong-tu-choi-" + suffix;
            String expired = "cong-het-han-" + suffix;
            String base = "http://127.0.0.1:" + portal.getAddress().getPort();
            targets.create(administrator, new TargetCommand(refusing, WebhookChannel.CHANNEL, "Cổng TTĐT tỉnh " + suffix,
                    base + "/tu-choi", null, Map.of("secret", "bi-mat-" + suffix), null, List.of(), null));
            targets.create(administrator, new TargetCommand(expired, WebhookChannel.CHANNEL, "Cổng TTĐT huyện " + suffix,
                    base + "/het-han", null, Map.of("secret", "bi-mat-" + suffix), null, List.of(), null));

            Actor editor = new Actor("bt-" + suffix, Set.of(Role.EDITOR), Scopes.NONE);
            String title = "Tin bài BHXH toàn dân " + suffix;
            Variant v = products.createProduct(editor, new ProductInfo(ProductType.ARTICLE, Set.of(), Set.of(), null, Scope.NATIONAL,
                    null, null, Set.of(), null, null), new VariantContent(title, "Tóm tắt.", "<p>Nội dung.</p>", List.of()));
            String id = v.productId();
            v = products.transition(editor, id, "vi", v.seqNoPrimaryTerm(), WorkflowAction.SUBMIT, null);
            v = products.transition(new Actor("td-gui-" + suffix, Set.of(Role.REVIEWER), Scopes.NONE), id, "vi", v.seqNoPrimaryTerm(),
                    WorkflowAction.REVIEW, null);
            products.transition(new Actor("ld-gui-" + suffix, Set.of(Role.APPROVER), Scopes.NONE), id, "vi", v.seqNoPrimaryTerm(),
                    WorkflowAction.APPROVE, null);
            schedules.schedule(editor, new ScheduleCommand(id, "vi", List.of(refusing, expired), LocalDateTime.now(WebFormats.VIETNAM),
                    null, null, null));

            Await.until(() -> store.ofUser("qt-" + suffix, 10).size() >= 2, Duration.ofSeconds(60),
                    "the administrator's e-mails about the failed delivery and the paused target are in the outbox");
            List<MimeMessage> received = deliver();
            MimeMessage failedToEditor = subject(received, "bt", "[BHXH] Đăng bài không thành công: " + title);
            assertThat(part(failedToEditor, "text/plain")).contains("Không đăng được \"" + title + "\" lên kênh \"Cổng TTĐT tỉnh " + suffix)
                    .contains("HTTP 400").contains("http://localhost:8080/#failed-deliveries");
            subject(received, "qt", "[BHXH] Đăng bài không thành công: " + title);
            MimeMessage paused = subject(received, "qt", "[BHXH] Tạm dừng đăng lên kênh \"Cổng TTĐT huyện " + suffix + "\"");
            assertThat(part(paused, "text/plain")).contains("HTTP 401").contains("http://localhost:8080/admin/targets/" + expired);
            // The editor scheduled it but does not administer the paused target: that e-mail is the administrators'.
            assertThat(received).noneMatch(m -> to(m).startsWith("bt-") && subjectOf(m).startsWith("[BHXH] Tạm dừng"));
        } finally {
            portal.stop(0);
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private MimeMessage subject(List<MimeMessage> received, String name, String subject) {
        return received.stream().filter(m -> to(m).equals(name + "-" + suffix + "@bhxh.test") && subjectOf(m).equals(subject))
                .findFirst().orElseThrow(() -> new AssertionError("no e-mail \"" + subject + "\" to " + name + " among "
                        + received.stream().map(m -> to(m) + ": " + subjectOf(m)).toList()));
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ApiClient user(String name, String roles, String scopes, String frequency) {
        String username = name + "-" + suffix;
        ApiClient client = TestUsers.ensure(port, admin, username, roles, scopes);
        HttpResponse<String> saved = settings(client,
                "{\"email\":\"" + username + "@bhxh.test\",\"frequency\":\"" + frequency + "\"}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        return client;
    }

    private static HttpResponse<String> settings(ApiClient client, String json) {
        return client.send(client.request("/api/v1/me/notifications").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private OutgoingMail outboxOf(String name) {
        List<OutgoingMail> mails = store.ofUser(name + "-" + suffix, 10);
        assertThat(mails).isNotEmpty();
        return mails.getFirst();
    }

    /** Sends what the outbox holds now and answers what this test's people received since the last call. */
    private List<MimeMessage> deliver() throws Exception {
        dispatcher.sendDue(mailer(smtp.getSmtp().getPort()), Instant.now());
        List<MimeMessage> received = mine();
        smtp.purgeEmailFromAllMailboxes();
        return received;
    }

    /** The messages GreenMail holds for this test's people (other tests' e-mails may pass through the same outbox). */
    private List<MimeMessage> mine() {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> to(m).endsWith("-" + suffix + "@bhxh.test")).toList();
    }

    private MimeMessage only(List<MimeMessage> received, String name) {
        assertThat(received).extracting(NotificationMailTest::to).containsExactly(name + "-" + suffix + "@bhxh.test");
        return received.getFirst();
    }

    private String create(ApiClient client, String title) {
        HttpResponse<String> created = client.post("/api/v1/products", "{\"info\":{\"type\":\"LEAFLET\",\"topics\":[\"VOLUNTARY_SI\"],"
                + "\"audiences\":[\"3.1\"],\"scope\":\"NATIONAL\"},\"content\":{\"title\":" + Json.quote(title)
                + ",\"summary\":\"Tờ rơi\",\"body\":\"<p>Nội dung</p>\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Json.parse(created.body()).get("productId").asString();
    }

    private HttpResponse<String> transition(ApiClient client, String variant, String action, String comment) {
        String etag = admin.get(variant).headers().firstValue("ETag").orElseThrow();
        String body = "{\"action\":\"" + action + "\"" + (comment == null ? "" : ",\"comment\":" + Json.quote(comment)) + "}";
        return client.send(client.request(variant + "/transitions").header("If-Match", etag)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String to(MimeMessage message) {
        try {
            return GreenMailUtil.getAddressList(message.getRecipients(Message.RecipientType.TO));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text or HTML part of a multipart/alternative message (nested in multipart/mixed by MimeMessageHelper). */
    private static String part(Part message, String type) throws MessagingException, IOException {
        if (message.isMimeType(type)) {
            return (String) message.getContent();
        }
        if (message.getContent() instanceof Multipart multipart) {
            List<String> found = new ArrayList<>();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String inner = part(body, type);
                if (inner != null) {
                    found.add(inner);
                }
            }
            return found.isEmpty() ? null : found.getFirst();
        }
        return null;
    }

    /** An SMTP client as spring.mail.host/port configure it in the application. */
    private static JavaMailSenderImpl mailer(int smtpPort) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtpPort);
        sender.setDefaultEncoding("UTF-8");
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        return sender;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
