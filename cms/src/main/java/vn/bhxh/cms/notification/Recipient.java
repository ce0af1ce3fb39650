package vn.bhxh.cms.notification;

/** Someone an e-mail is for: their user name (for their settings) and their name (for the greeting). */
record Recipient(String username, String name) {
}
