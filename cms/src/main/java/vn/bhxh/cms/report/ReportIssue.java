package vn.bhxh.cms.report;

/**
 * Something wrong (an error) or unusual (a warning) with one field of a report or one cell of an imported file; the
 * message is {@code code} in the messages files, resolved in the reader's language.
 *
 * @param field the field (or cell, {@code "hàng 4, cột 9"}) it is about
 */
public record ReportIssue(String field, String code, Object... args) {
}
