package vn.bhxh.cms.notification;

/**
 * What one notification says, before it is addressed: a subject, the sentence that says what happened (also its line
 * in a digest), an optional comment or reason with its label, and the page it links to.
 */
record MailMessage(String subject, String line, String commentLabel, String comment, String link) {
}
