package vn.bhxh.cms.report;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks what a person typed into a report before anything is saved: only the period's fields, whole numbers ≥ 0 in
 * number columns (text such as "12" is read as a number, "mười hai" is refused), texts of limited length. Every problem
 * is named with its column; the stored report is left as it was.
 */
final class ReportInput {

    /** Larger than any count a province reports (people reached in a year are in the millions). */
    static final long MAX_VALUE = 1_000_000_000L;
    static final int MAX_TEXT = 20_000;

    private ReportInput() {
    }

    /** The changes: a number or text per key, null to clear a value. */
    record Changes(Map<String, Long> values, Map<String, String> texts) {
    }

    static Changes check(PeriodType type, Map<String, ?> values, Map<String, ?> texts) {
        List<ReportIssue> errors = new ArrayList<>();
        Map<String, Long> numbers = new HashMap<>();
        Map<String, String> words = new HashMap<>();
        if (values != null) {
            values.forEach((key, raw) -> {
                ReportField field = ReportDataSets.field(key).filter(f -> f.numeric() && f.in(type)).orElse(null);
                if (field == null) {
                    errors.add(new ReportIssue("values." + key, "report.error.unknown-field", key));
                    return;
                }
                String where = "values." + key;
                if (raw == null || (raw instanceof String s && s.isBlank())) {
                    numbers.put(key, null);
                    return;
                }
                Long number = number(raw);
                if (number == null) {
                    errors.add(new ReportIssue(where, "report.error.not-number", formName(field), field.column(), field.labelVi()));
                } else if (number < 0) {
                    errors.add(new ReportIssue(where, "report.error.negative", formName(field), field.column(), field.labelVi()));
                } else if (number > MAX_VALUE) {
                    errors.add(new ReportIssue(where, "report.error.too-large", formName(field), field.column(), MAX_VALUE));
                } else {
                    numbers.put(key, number);
                }
            });
        }
        if (texts != null) {
            texts.forEach((key, raw) -> {
                ReportField field = ReportDataSets.field(key).filter(f -> !f.numeric() && f.in(type)).orElse(null);
                String where = "texts." + key;
                if (field == null) {
                    errors.add(new ReportIssue(where, "report.error.unknown-field", key));
                } else if (raw != null && !(raw instanceof String)) {
                    errors.add(new ReportIssue(where, "report.error.not-text", field.labelVi()));
                } else if (raw != null && ((String) raw).length() > MAX_TEXT) {
                    errors.add(new ReportIssue(where, "report.error.text-too-long", field.labelVi(), MAX_TEXT));
                } else {
                    words.put(key, raw == null ? null : ((String) raw).strip());
                }
            });
        }
        if (!errors.isEmpty()) {
            throw new ReportValidationException(errors);
        }
        return new Changes(numbers, words);
    }

    static String formName(ReportField field) {
        return switch (field.form()) {
            case FORM_03 -> "Mẫu 03";
            case FORM_04 -> "Mẫu 04";
            case NARRATIVE -> "Báo cáo";
        };
    }

    /** A whole number, or null for anything else (a fraction, text, true/false). */
    static Long number(Object raw) {
        try {
            if (raw instanceof Integer || raw instanceof Long || raw instanceof Short) {
                return ((Number) raw).longValue();
            }
            if (raw instanceof BigInteger big) {
                return big.bitLength() < 63 ? big.longValue() : null;
            }
            if (raw instanceof Double || raw instanceof Float || raw instanceof BigDecimal) {
                BigDecimal decimal = new BigDecimal(raw.toString());
                return decimal.stripTrailingZeros().scale() <= 0 ? decimal.longValueExact() : null;
            }
            if (raw instanceof String text) {
                return number(new BigDecimal(text.strip()));
            }
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
        return null;
    }
}
