package vn.bhxh.cms.notification;

/**
 * Where an e-mail of the outbox stands: waiting (to be sent, or for the day's digest), sent, given up after the last
 * attempt, or folded into a digest that is sent in its place.
 */
public enum MailState {
    PENDING,
    SENT,
    FAILED,
    DIGESTED
}
