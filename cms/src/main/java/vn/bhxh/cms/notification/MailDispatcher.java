package vn.bhxh.cms.notification;

import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import vn.bhxh.cms.security.People;
import vn.bhxh.cms.site.WebFormats;

/**
 * Sends the outbox over SMTP on a thread of its own, woken by new e-mails and every {@code send-every}. Any number of
 * instances may run it: each attempt is claimed by a conditional update that also sets when the next attempt may be
 * made, so an e-mail goes out once, and one the SMTP server refused (or that a stopped instance left half-done) is
 * tried again later, waiting longer each time, until {@code max-attempts}. Without an SMTP server configured
 * ({@code spring.mail.host}) e-mails wait in the outbox.
 */
@Service
class MailDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(MailDispatcher.class);
    private static final int MAX_ERROR = 500;

    private final NotificationStore store;
    private final MailComposer composer;
    private final People people;
    private final NotificationProperties properties;
    private final ObjectProvider<JavaMailSender> mail;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "mail-outbox");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean queued = new AtomicBoolean();

    MailDispatcher(NotificationStore store, MailComposer composer, People people, NotificationProperties properties,
            ObjectProvider<JavaMailSender> mail, Clock clock) {
        this.store = store;
        this.composer = composer;
        this.people = people;
        this.properties = properties;
        this.mail = mail;
        this.clock = clock;
    }

    /** Runs a round soon on the sender's thread (at most one waits; a round takes everything due). */
    void wake() {
        if (mail.getIfAvailable() != null && queued.compareAndSet(false, true)) {
            worker.execute(() -> {
                queued.set(false);
                round();
            });
        }
    }

    @Scheduled(initialDelayString = "${bhxh.notifications.send-every:15s}", fixedDelayString = "${bhxh.notifications.send-every:15s}")
    void scheduled() {
        wake();
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    private void round() {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return;
        }
        try {
            Instant now = clock.instant();
            digests(now);
            while (sendDue(sender, now) == NotificationStore.BATCH) {
                now = clock.instant();
            }
        } catch (RuntimeException e) {
            // Elasticsearch unreachable: the next round tries again; claimed attempts are retried when they fall due.
            LOG.warn("Không gửi được thư thông báo / notification e-mails not sent: {}", e.getMessage());
        }
    }

    /** Sends what is due at {@code now}; answers how many e-mails this call took (sent or not). */
    int sendDue(JavaMailSender sender, Instant now) {
        List<OutgoingMail> due = store.due(now);
        for (OutgoingMail candidate : due) {
            // The claim: this instance's attempt, and the time of the next one should this one not finish.
            if (!store.saveIfUnchanged(candidate.attempt(now.plus(properties.backoff(candidate.attempts() + 1))))) {
                continue;
            }
            OutgoingMail claimed = store.reread(candidate.id());
            try {
                send(sender, claimed);
                store.saveIfUnchanged(claimed.sent(clock.instant()));
            } catch (MailException | MessagingException e) {
                boolean last = claimed.attempts() >= properties.maxAttempts();
                String error = String.valueOf(e.getMessage());
                store.saveIfUnchanged(claimed.failed(error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error, last));
                LOG.warn("Thư {} chưa gửi được (lần {}{}) / e-mail not sent: {}", claimed.id(), claimed.attempts(),
                        last ? ", bỏ" : "", error);
            }
        }
        return due.size();
    }

    /**
     * Folds the digest lines written before the last digest time (Vietnam) into one e-mail per person, made once per
     * person and day however many instances run; the lines are then marked as taken.
     */
    int digests(Instant now) {
        ZonedDateTime vietnam = now.atZone(WebFormats.VIETNAM);
        ZonedDateTime cut = vietnam.toLocalDate().atTime(properties.digestAt()).atZone(WebFormats.VIETNAM);
        if (cut.isAfter(vietnam)) {
            cut = cut.minusDays(1);
        }
        LocalDate day = cut.toLocalDate();
        Map<String, List<OutgoingMail>> byUser = new LinkedHashMap<>();
        for (OutgoingMail item : store.digestItems(cut.toInstant())) {
            byUser.computeIfAbsent(item.username(), u -> new ArrayList<>()).add(item);
        }
        if (byUser.isEmpty()) {
            return 0;
        }
        Map<String, String> names = people.names(byUser.keySet());
        int made = 0;
        for (Map.Entry<String, List<OutgoingMail>> entry : byUser.entrySet()) {
            List<OutgoingMail> items = entry.getValue();
            Recipient recipient = new Recipient(entry.getKey(), names.getOrDefault(entry.getKey(), entry.getKey()));
            OutgoingMail digest = composer.digest("digest~" + entry.getKey() + "~" + day, recipient, items.getLast().recipient(),
                    day, items, now);
            if (store.createOnce(digest)) {
                items.forEach(item -> store.saveIfUnchanged(item.digested()));
                made++;
            }
        }
        return made;
    }

    private void send(JavaMailSender sender, OutgoingMail outgoing) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(properties.from());
        helper.setTo(outgoing.recipient());
        helper.setSubject(outgoing.subject());
        helper.setText(outgoing.text(), outgoing.html());
        sender.send(message);
    }
}
