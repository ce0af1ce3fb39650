package vn.bhxh.cms.notification;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import vn.bhxh.cms.api.BadRequestException;
import vn.bhxh.cms.security.Actor;

/** A person's own e-mail settings, for the profile page and the API alike; and what the outbox holds for them. */
@Service
public class NotificationService {

    /** RFC 5321's longest address. */
    public static final int MAX_EMAIL = 254;
    /** A plain address: something@domain.tld, no spaces, no display name. */
    static final Pattern EMAIL = Pattern.compile("^[^@\\s<>\"(),;:]+@[^@\\s<>\"(),;:]+\\.[^@\\s<>\"(),;:]+$");

    private final NotificationStore store;
    private final Clock clock;

    NotificationService(NotificationStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public NotificationSettings settings(Actor actor) {
        return store.settings(actor.username()).orElse(NotificationSettings.none(actor.username()));
    }

    /**
     * Saves where and how often this person gets e-mail. An address is needed for anything but "none"; it is kept
     * stripped and in lower case. Refusals name the field ({@code email}, {@code frequency}).
     */
    public NotificationSettings save(Actor actor, String email, NotificationFrequency frequency) {
        if (frequency == null) {
            throw new BadRequestException("missing-field", "frequency");
        }
        String address = email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
        if (address != null && (address.length() > MAX_EMAIL || !EMAIL.matcher(address).matches())) {
            throw new BadRequestException("invalid-email", address.length() > 60 ? address.substring(0, 60) + "…" : address, MAX_EMAIL);
        }
        if (address == null && frequency != NotificationFrequency.NONE) {
            throw new BadRequestException("email-required");
        }
        return store.save(new NotificationSettings(actor.username(), address, frequency, clock.instant()));
    }

    /** The newest e-mails written for this person (at most {@code size}), whatever their state. */
    public List<OutgoingMail> outbox(Actor actor, int size) {
        return store.ofUser(actor.username(), size);
    }
}
