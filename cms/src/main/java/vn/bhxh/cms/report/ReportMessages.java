package vn.bhxh.cms.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Resolves report issues and labels in the caller's language (Vietnamese unless asked otherwise). */
@Component
public class ReportMessages {

    private final MessageSource messages;

    public ReportMessages(MessageSource messages) {
        this.messages = messages;
    }

    public List<Map<String, String>> resolve(List<ReportIssue> issues) {
        Locale locale = LocaleContextHolder.getLocale();
        return issues.stream().map(i -> Map.of("field", i.field(), "message", message(i, locale))).toList();
    }

    public String message(ReportIssue issue, Locale locale) {
        return messages.getMessage(issue.code(), issue.args(), issue.code(), locale);
    }

    public String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** "tháng 05/2026", "6 tháng đầu năm 2026", "năm 2026" (month 05/2026, first half of 2026, year 2026). */
    public String periodName(ReportPeriod period, Locale locale) {
        String value = switch (period.type()) {
            case MONTH -> "%02d/%d".formatted(period.month(), period.year());
            case HALF_YEAR, YEAR -> Integer.toString(period.year());
        };
        return text("report.period." + period.type().name(), locale, value);
    }

    public static String label(ReportField field, Locale locale) {
        return "en".equals(locale.getLanguage()) ? field.labelEn() : field.labelVi();
    }
}
