package vn.bhxh.cms.report;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * E-mails the provinces that have not sent a report a few days before its deadline (plan 7.10), once per province,
 * period and deadline however many instances run: each reminder is claimed in Elasticsearch (create-if-absent)
 * before it is sent, and given up again if the SMTP server refuses it, so a later run tries again.
 */
@Service
class ReportReminders {

    private static final Logger LOG = LoggerFactory.getLogger(ReportReminders.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Locale VI = Locale.forLanguageTag("vi");

    private final ReminderStore store;
    private final ReportStore reports;
    private final OrgUnitService units;
    private final ReportMessages messages;
    private final ReportReminderProperties properties;
    private final ObjectProvider<JavaMailSender> mail;
    private final Clock clock;

    ReportReminders(ReminderStore store, ReportStore reports, OrgUnitService units, ReportMessages messages,
            ReportReminderProperties properties, ObjectProvider<JavaMailSender> mail, Clock clock) {
        this.store = store;
        this.reports = reports;
        this.units = units;
        this.messages = messages;
        this.properties = properties;
        this.mail = mail;
        this.clock = clock;
    }

    /** Runs on every instance; without an SMTP server ({@code spring.mail.host}) there is nobody to send through. */
    @Scheduled(initialDelayString = "${bhxh.reports.reminders.check-every:1h}",
            fixedDelayString = "${bhxh.reports.reminders.check-every:1h}")
    void sendDueReminders() {
        JavaMailSender sender = mail.getIfAvailable();
        if (!properties.enabled() || sender == null) {
            return;
        }
        try {
            send(sender, clock.instant());
        } catch (RuntimeException e) {
            // Elasticsearch unreachable: the next run tries again; what was claimed stays claimed.
            LOG.warn("Không gửi được nhắc hạn báo cáo / report reminders not sent: {}", e.getMessage());
        }
    }

    /** The periods whose deadline falls within the next {@code daysBefore} days (the deadline day itself is too late). */
    List<ReportPeriod> periodsDue(LocalDate today) {
        List<ReportPeriod> due = new ArrayList<>();
        for (ReportPeriod period : List.of(ReportPeriod.month(today.getYear(), today.getMonthValue()),
                ReportPeriod.halfYear(today.getYear()), ReportPeriod.year(today.getYear()))) {
            if (!today.isBefore(period.dueDay().minusDays(properties.daysBefore())) && today.isBefore(period.dueDay())) {
                due.add(period);
            }
        }
        return due;
    }

    /** Sends the reminders due at {@code now} that no instance has sent yet; answers those this call sent. */
    List<SentReminder> send(JavaMailSender sender, Instant now) {
        List<SentReminder> sent = new ArrayList<>();
        List<ReportPeriod> due = periodsDue(LocalDate.ofInstant(now, ReportPeriod.VIETNAM));
        if (due.isEmpty()) {
            return sent;
        }
        Map<String, List<String>> contacts = store.allContacts();
        for (ReportPeriod period : due) {
            Set<String> submitted = reports.search(null, List.of(period.code()), null, null).stream().filter(Report::submitted)
                    .map(Report::province).collect(Collectors.toSet());
            for (OrgUnit province : units.provinces()) {
                List<String> to = contacts.getOrDefault(province.code(), List.of());
                if (submitted.contains(province.code()) || to.isEmpty()) {
                    continue;
                }
                SentReminder reminder = new SentReminder(SentReminder.id(province.code(), period), province.code(), period.code(),
                        period.dueDay(), to, now);
                if (store.claim(reminder) && deliver(sender, reminder, province.name(), period)) {
                    sent.add(reminder);
                }
            }
        }
        return sent;
    }

    private boolean deliver(JavaMailSender sender, SentReminder reminder, String provinceName, ReportPeriod period) {
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(properties.from());
            helper.setTo(reminder.recipients().toArray(String[]::new));
            String periodName = messages.periodName(period, VI);
            String dueDay = DAY.format(period.dueDay());
            helper.setSubject(messages.text("report.reminder.subject", VI, periodName, provinceName, dueDay));
            helper.setText(messages.text("report.reminder.body", VI, provinceName, periodName, dueDay,
                    properties.reportLink(reminder.province(), period.code())));
            sender.send(message);
            return true;
        } catch (MailException | MessagingException e) {
            store.release(reminder);
            LOG.warn("Không gửi được thư nhắc {} / reminder e-mail not sent: {}", reminder.id(), e.getMessage());
            return false;
        }
    }
}
