package vn.bhxh.cms.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import tools.jackson.databind.JsonNode;
import vn.bhxh.cms.ApiClient;
import vn.bhxh.cms.Await;
import vn.bhxh.cms.CmsIntegrationTest;
import vn.bhxh.cms.Json;
import vn.bhxh.cms.TestUsers;
import vn.bhxh.cms.elasticsearch.IndexInitializer;

/**
 * Reminders before a deadline, sent over SMTP (Spring's JavaMail client, as the mail starter configures it) to a real
 * SMTP server (GreenMail on a free local port): only provinces that have not sent the report, once each, even when two
 * instances run at the same moment; none when the SMTP server is down, and then at the next run.
 */
@CmsIntegrationTest
class ReportReminderTest {

    /** The provinces the first test sets up; other tests give other provinces addresses too. */
    private static final List<String> OWN = List.of("LCH", "DB", "SL", "LS");

    static GreenMail smtp;

    @LocalServerPort
    int port;

    @Autowired
    IndexInitializer indices;

    @Autowired
    ReportReminders reminders;

    @Autowired
    ReminderStore store;

    ApiClient admin;

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
    void users() throws Exception {
        Await.until(indices::isReady, Duration.ofSeconds(120), "indices created");
        admin = new ApiClient(port, CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD);
        smtp.purgeEmailFromAllMailboxes();
    }

    @Test
    void provincesThatHaveNotSentAreRemindedOnceEvenByTwoInstances() throws Exception {
        // Lai Châu has no report, Điện Biên a draft, Sơn La has sent its report; Lạng Sơn has no address.
        ApiClient laiChau = TestUsers.ensure(port, admin, "nh-lai-chau", "[\"PROVINCIAL_STAFF\"]", "{\"province\":\"LCH\"}");
        ApiClient dienBien = TestUsers.ensure(port, admin, "nh-dien-bien", "[\"PROVINCIAL_STAFF\"]", "{\"province\":\"DB\"}");
        ApiClient sonLa = TestUsers.ensure(port, admin, "nh-son-la", "[\"PROVINCIAL_STAFF\"]", "{\"province\":\"SL\"}");
        ApiClient sonLaSigner = TestUsers.ensure(port, admin, "nh-son-la-duyet", "[\"REPORT_APPROVER\"]", "{\"province\":\"SL\"}");
        assertThat(contacts(laiChau, "LCH", "[\" Bao-Cao@laichau.vss.gov.vn \",\"truyenthong@laichau.vss.gov.vn\"]").statusCode())
                .isEqualTo(200);
        assertThat(contacts(dienBien, "DB", "[\"baocao@dienbien.vss.gov.vn\"]").statusCode()).isEqualTo(200);
        assertThat(contacts(sonLa, "SL", "[\"baocao@sonla.vss.gov.vn\"]").statusCode()).isEqualTo(200);
        JsonNode saved = Json.parse(laiChau.get("/api/v1/reports/org-units/LCH/contacts").body());
        assertThat(saved.get("emails").get(0).asString()).isEqualTo("bao-cao@laichau.vss.gov.vn");
        assertThat(dienBien.post("/api/v1/reports", "{\"province\":\"DB\",\"period\":\"2020-05\"}").statusCode()).isEqualTo(201);
        HttpResponse<String> sonLaReport = sonLa.post("/api/v1/reports", "{\"province\":\"SL\",\"period\":\"2020-05\"}");
        assertThat(sonLaReport.statusCode()).isEqualTo(201);
        HttpResponse<String> submitted = sonLaSigner.send(sonLaSigner.request("/api/v1/reports/SL/2020-05/transitions")
                .header("Content-Type", "application/json").header("If-Match", sonLaReport.headers().firstValue("ETag").orElseThrow())
                .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"SUBMIT\"}")));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);

        // A week before the deadline (28/05/2020) nothing is due; nor on the deadline day itself.
        assertThat(reminders.send(mailer(smtp.getSmtp().getPort()), vietnam(2020, 5, 20))).isEmpty();
        assertThat(reminders.send(mailer(smtp.getSmtp().getPort()), vietnam(2020, 5, 28))).isEmpty();

        // Three days before it two instances run at once: each reminder goes out once.
        Instant due = vietnam(2020, 5, 25);
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            List<Callable<List<SentReminder>>> runs = List.of(() -> reminders.send(mailer(smtp.getSmtp().getPort()), due),
                    () -> reminders.send(mailer(smtp.getSmtp().getPort()), due));
            // Other tests give other provinces addresses too: only these four are looked at.
            List<String> sentBy = new ArrayList<>();
            for (Future<List<SentReminder>> run : instances.invokeAll(runs)) {
                run.get().stream().filter(r -> OWN.contains(r.province())).forEach(r -> sentBy.add(r.province()));
            }
            assertThat(sentBy).containsExactlyInAnyOrder("LCH", "DB");
        } finally {
            instances.shutdownNow();
        }
        assertThat(reminders.send(mailer(smtp.getSmtp().getPort()), vietnam(2020, 5, 26))).isEmpty();

        // GreenMail keeps a copy per mailbox: Lai Châu's message reached both of its addresses.
        List<MimeMessage> received = new ArrayList<>();
        List<String> recipients = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (to(message).matches(".*(laichau|dienbien|sonla).*")) {
                received.add(message);
                Arrays.stream(message.getRecipients(Message.RecipientType.TO)).forEach(a -> recipients.add(a.toString()));
            }
        }
        assertThat(received).hasSize(3);
        assertThat(recipients).contains("bao-cao@laichau.vss.gov.vn", "truyenthong@laichau.vss.gov.vn", "baocao@dienbien.vss.gov.vn")
                .doesNotContain("baocao@sonla.vss.gov.vn");
        MimeMessage toDienBien = received.stream()
                .filter(m -> to(m).contains("dienbien")).findFirst().orElseThrow();
        assertThat(toDienBien.getSubject()).contains("tháng 05/2020").contains("Điện Biên").contains("28/05/2020");
        assertThat(toDienBien.getFrom()[0].toString()).isEqualTo("bao-cao@baohiemxahoi.gov.vn");
        String body = (String) toDienBien.getContent();
        assertThat(body).contains("Kính gửi: Bảo hiểm xã hội Điện Biên").contains("chưa nhận được báo cáo")
                .contains("trước ngày 28/05/2020").contains("http://localhost:8080/reports/DB/2020-05");

        // What was sent is recorded for every instance to see.
        assertThat(store.ofPeriod("2020-05")).extracting(SentReminder::province).filteredOn(OWN::contains)
                .containsExactlyInAnyOrder("LCH", "DB");
    }

    @Test
    void aReminderTheSmtpServerRefusedGoesOutAtTheNextRun() throws Exception {
        ApiClient staff = TestUsers.ensure(port, admin, "nh-thai-nguyen", "[\"PROVINCIAL_STAFF\"]", "{\"province\":\"TNG\"}");
        assertThat(contacts(staff, "TNG", "[\"baocao@thainguyen.vss.gov.vn\"]").statusCode()).isEqualTo(200);
        // The half-year report (due before 20/06/2021), three days ahead, with the SMTP server unreachable.
        Instant due = vietnam(2021, 6, 17);
        assertThat(reminders.send(mailer(closedPort()), due)).isEmpty();
        assertThat(store.ofPeriod("2021-H1")).isEmpty();
        List<SentReminder> sent = reminders.send(mailer(smtp.getSmtp().getPort()), due);
        assertThat(sent).extracting(SentReminder::province).contains("TNG");
        MimeMessage toThaiNguyen = Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> to(m).contains("thainguyen")).findFirst().orElseThrow();
        assertThat(toThaiNguyen.getSubject()).contains("6 tháng đầu năm 2021").contains("20/06/2021");
        assertThat(store.ofPeriod("2021-H1")).extracting(SentReminder::province).contains("TNG");
    }

    @Test
    void badAddressesAreNamedAndNothingIsSaved() {
        ApiClient staff = TestUsers.ensure(port, admin, "nh-thanh-hoa", "[\"PROVINCIAL_STAFF\"]", "{\"province\":\"TH\"}");
        assertThat(contacts(staff, "TH", "[\"baocao@thanhhoa.vss.gov.vn\"]").statusCode()).isEqualTo(200);
        HttpResponse<String> bad = contacts(staff, "TH", "[\"ok@thanhhoa.vss.gov.vn\",\"bao cao@thanh hoa\",\"khong-co-a-cong\"]");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
        assertThat(bad.body()).contains("emails[1]").contains("emails[2]").contains("không đúng dạng").doesNotContain("emails[0]");
        HttpResponse<String> tooMany = contacts(staff, "TH", "[" + String.join(",", Collections.nCopies(11, "\"a@b.vn\"")) + "]");
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("tối đa 10 địa chỉ");
        assertThat(staff.get("/api/v1/reports/org-units/TH/contacts").body()).contains("baocao@thanhhoa.vss.gov.vn")
                .doesNotContain("ok@thanhhoa");
        ApiClient other = TestUsers.ensure(port, admin, "nh-nghe-an", "[\"PROVINCIAL_STAFF\"]", "{\"province\":\"NA\"}");
        assertThat(contacts(other, "TH", "[\"x@y.vn\"]").statusCode()).isEqualTo(403);
    }

    private static String to(MimeMessage message) {
        try {
            return GreenMailUtil.getAddressList(message.getRecipients(Message.RecipientType.TO));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> contacts(ApiClient client, String province, String emails) {
        return client.send(client.request("/api/v1/reports/org-units/" + province + "/contacts").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"emails\":" + emails + "}")));
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

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Instant vietnam(int year, int month, int day) {
        return LocalDateTime.of(year, month, day, 9, 0).atZone(ReportPeriod.VIETNAM).toInstant();
    }
}
