package vn.bhxh.cms.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns what a parser or binder could not read into a problem that names the field and what is expected, in the
 * caller's language. Nothing of the parser's own message (class names, library settings) reaches the answer.
 */
public final class InputProblems {

    private InputProblems() {
    }

    /** A request body (or an uploaded JSON file) that Jackson could not read. */
    public static ProblemDetail unreadableJson(MessageSource messages, Locale locale, Throwable cause) {
        JacksonException jackson = find(cause, JacksonException.class);
        if (jackson == null) {
            return Problems.of(messages, HttpStatus.BAD_REQUEST, "body-required", locale);
        }
        if (!(jackson instanceof DatabindException)) {
            TokenStreamLocation where = jackson.getLocation();
            int line = where == null ? 0 : where.getLineNr();
            int column = where == null ? 0 : where.getColumnNr();
            ProblemDetail problem = Problems.of(messages, HttpStatus.BAD_REQUEST, "malformed-json", locale, line, column);
            problem.setProperty("line", line);
            problem.setProperty("column", column);
            return problem;
        }
        String field = path(jackson.getPath());
        if (jackson instanceof UnrecognizedPropertyException) {
            return field(messages, locale, field, "unknown-field");
        }
        if (jackson instanceof InvalidFormatException invalid) {
            return field(messages, locale, field, "invalid-value", String.valueOf(invalid.getValue()),
                    expected(messages, locale, invalid.getTargetType()));
        }
        Class<?> target = jackson instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        // A required (primitive or creator) property left out reaches us as "cannot map `null`" or "missing …".
        String message = jackson.getOriginalMessage() == null ? "" : jackson.getOriginalMessage();
        boolean missing = message.contains("`null`") || message.startsWith("Missing");
        if (missing || target == null) {
            return field(messages, locale, field, "missing-field");
        }
        return field(messages, locale, field, "wrong-type", expected(messages, locale, target));
    }

    /** A query parameter or path segment that does not convert to its type. */
    public static ProblemDetail invalidParameter(MessageSource messages, Locale locale, String name, Object value, Class<?> type) {
        return field(messages, locale, name, "invalid-value", String.valueOf(value), expected(messages, locale, type));
    }

    /**
     * A problem about one field: the detail names it, and {@code errors} lists it as the validation errors do, so
     * clients read every 400 the same way.
     */
    public static ProblemDetail field(MessageSource messages, Locale locale, String field, String reason, Object... args) {
        Object[] withField = new Object[args.length + 1];
        withField[0] = field;
        System.arraycopy(args, 0, withField, 1, args.length);
        ProblemDetail problem = Problems.of(messages, HttpStatus.BAD_REQUEST, reason, locale, withField);
        problem.setProperty("errors", List.of(Map.of("field", field, "message", problem.getDetail())));
        return problem;
    }

    /** What a value of the type looks like, in words: the allowed values of an enum, the format of a date. */
    public static String expected(MessageSource messages, Locale locale, Class<?> type) {
        if (type == null) {
            return messages.getMessage("expected.value", null, locale);
        }
        if (type.isEnum()) {
            String values = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", "));
            return messages.getMessage("expected.one-of", new Object[] {values}, locale);
        }
        String key;
        if (type == LocalDate.class) {
            key = "expected.date";
        } else if (type == LocalDateTime.class) {
            key = "expected.date-time";
        } else if (type == LocalTime.class) {
            key = "expected.time";
        } else if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            key = "expected.instant";
        } else if (type == int.class || type == Integer.class || type == long.class || type == Long.class || type == short.class) {
            key = "expected.integer";
        } else if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            key = "expected.number";
        } else if (type == boolean.class || type == Boolean.class) {
            key = "expected.boolean";
        } else if (type == String.class) {
            key = "expected.text";
        } else if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            key = "expected.list";
        } else {
            key = "expected.object";
        }
        return messages.getMessage(key, null, locale);
    }

    /** {@code info.topics[2]}: the field as the client wrote it. */
    static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(body)" : path.toString();
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
