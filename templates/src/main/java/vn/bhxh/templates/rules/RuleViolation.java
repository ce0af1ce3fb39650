package vn.bhxh.templates.rules;

/**
 * One channel rule a rendered payload breaks, shown to the editor before publishing.
 *
 * @param rule    stable code, e.g. "max-length", "sms-segments", "tracking-missing"
 * @param field   the payload field concerned, e.g. "title"
 * @param actual  the measured value (length, segments …), or -1 when not a measure
 * @param limit   the limit broken, or -1 when not a measure
 */
public record RuleViolation(String rule, String field, Severity severity, int actual, int limit, String vietnamese, String english) {
}
