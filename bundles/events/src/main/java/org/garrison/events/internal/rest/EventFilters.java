package org.garrison.events.internal.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.garrison.api.Cursor;
import org.garrison.api.PageRequest;
import org.garrison.api.error.FieldError;
import org.garrison.api.error.ValidationException;
import org.garrison.api.event.EventQuery;
import org.garrison.api.event.EventSeverity;

/**
 * Reads the event filters of a request's query parameters, collecting every problem so a caller can fix them all
 * at once. Repeatable parameters also accept comma-separated values ({@code severity=critical,warning}).
 */
public final class EventFilters {

    /** The longest search text. */
    public static final int MAX_TEXT_LENGTH = 200;
    /** The most values of one repeatable filter. */
    public static final int MAX_VALUES = 100;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private EventFilters() {
    }

    /** The filters and the page of a listing request. */
    public record Listing(EventQuery query, PageRequest page) {
    }

    /**
     * @throws ValidationException naming every malformed parameter, the page's included
     */
    public static Listing listing(String from, String to, String device, String group, List<String> severity,
            List<String> type, List<String> source, String text, String limit, String cursor) {
        List<FieldError> errors = new ArrayList<>();
        EventQuery query = null;
        try {
            query = query(from, to, device, group, severity, type, source, text);
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        PageRequest page = null;
        try {
            page = page(limit, cursor);
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new Listing(query, page);
    }

    /**
     * @throws ValidationException naming every malformed parameter
     */
    public static EventQuery query(String from, String to, String device, String group, List<String> severity,
            List<String> type, List<String> source, String text) {
        List<FieldError> errors = new ArrayList<>();
        Instant start = instant("from", from, errors);
        Instant end = instant("to", to, errors);
        if (start != null && end != null && !end.isAfter(start)) {
            errors.add(new FieldError("to", "must be after from"));
        }
        UUID deviceId = uuid("device", device, errors);
        UUID groupId = uuid("group", group, errors);
        Set<EventSeverity> severities = new LinkedHashSet<>();
        for (String value : values("severity", severity, errors)) {
            EventSeverity.fromWireName(value).ifPresentOrElse(severities::add, () -> errors.add(new FieldError(
                    "severity", "must be one of critical, functional-failure, warning, info; not '"
                            + shorten(value) + "'")));
        }
        Set<String> types = names("type", type, errors);
        Set<String> sources = names("source", source, errors);
        String q = text == null || text.isBlank() ? null : text.strip();
        if (q != null && q.length() > MAX_TEXT_LENGTH) {
            errors.add(new FieldError("q", "must be at most " + MAX_TEXT_LENGTH + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new EventQuery(start, end, deviceId, groupId, severities, types, sources, q);
    }

    /**
     * The page asked for; {@code limit} arrives as text so that a non-number is a 422 naming it rather than the
     * 404 JAX-RS gives for an unconvertible query parameter.
     *
     * @throws ValidationException if the limit or the cursor is malformed
     */
    public static PageRequest page(String limit, String cursor) {
        int size = PageRequest.DEFAULT_LIMIT;
        if (limit != null && !limit.isEmpty()) {
            try {
                size = Integer.parseInt(limit);
            } catch (NumberFormatException e) {
                throw new ValidationException("limit", "must be a whole number between 1 and "
                        + PageRequest.MAX_LIMIT);
            }
        }
        return new PageRequest(size, cursor == null || cursor.isEmpty() ? null : Cursor.decode(cursor));
    }

    private static Instant instant(String field, String value, List<FieldError> errors) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO-8601 instant such as 2026-11-26T10:00:00Z"));
            return null;
        }
    }

    private static UUID uuid(String field, String value, List<FieldError> errors) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            if (value.length() == 36) {
                return UUID.fromString(value);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        errors.add(new FieldError(field, "must be a UUID such as 3f2c1a9e-8d4b-4c3e-9a7f-0b1c2d3e4f50"));
        return null;
    }

    private static Set<String> names(String field, List<String> raw, List<FieldError> errors) {
        Set<String> names = new LinkedHashSet<>();
        for (String value : values(field, raw, errors)) {
            if (NAME.matcher(value).matches()) {
                names.add(value);
            } else {
                errors.add(new FieldError(field, "must be 1 to 100 letters, digits, '.', '_' or '-'; not '"
                        + shorten(value) + "'"));
            }
        }
        return names;
    }

    private static List<String> values(String field, List<String> raw, List<FieldError> errors) {
        List<String> values = new ArrayList<>();
        if (raw == null) {
            return values;
        }
        for (String parameter : raw) {
            for (String value : parameter.split(",", -1)) {
                String trimmed = value.strip();
                if (!trimmed.isEmpty()) {
                    values.add(trimmed);
                }
            }
        }
        if (values.size() > MAX_VALUES) {
            errors.add(new FieldError(field, "must have at most " + MAX_VALUES + " values"));
            return List.of();
        }
        return values;
    }

    private static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}
