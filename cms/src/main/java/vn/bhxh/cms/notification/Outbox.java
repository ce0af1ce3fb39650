package vn.bhxh.cms.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Puts notifications in the outbox for the people who want them, each as they chose: an e-mail of its own, a line of
 * tomorrow's digest, or nothing (nor for anyone without an address). Then wakes the sender, which works on its own
 * thread: the caller returns as soon as the outbox has the e-mails.
 */
@Service
class Outbox {

    private final NotificationStore store;
    private final MailComposer composer;
    private final MailDispatcher dispatcher;
    private final NotificationProperties properties;
    private final Clock clock;

    Outbox(NotificationStore store, MailComposer composer, MailDispatcher dispatcher, NotificationProperties properties,
            Clock clock) {
        this.store = store;
        this.composer = composer;
        this.dispatcher = dispatcher;
        this.properties = properties;
        this.clock = clock;
    }

    /** Answers the e-mails written (none when notifications are off or nobody wants one). */
    List<OutgoingMail> post(List<Recipient> recipients, MailMessage message) {
        if (!properties.enabled() || recipients.isEmpty()) {
            return List.of();
        }
        Map<String, NotificationSettings> settings = store.settings(recipients.stream().map(Recipient::username).toList());
        Instant now = clock.instant();
        List<OutgoingMail> mails = new ArrayList<>();
        for (Recipient recipient : recipients) {
            NotificationSettings chosen = settings.get(recipient.username());
            if (chosen == null || !chosen.wantsMail()) {
                continue;
            }
            mails.add(composer.mail(UUID.randomUUID().toString(), recipient, chosen.email(), message,
                    chosen.frequency() == NotificationFrequency.DAILY_DIGEST, now));
        }
        store.enqueue(mails);
        if (mails.stream().anyMatch(m -> !m.digest())) {
            dispatcher.wake();
        }
        return mails;
    }
}
