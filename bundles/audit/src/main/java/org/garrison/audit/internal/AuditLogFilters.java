package org.garrison.audit.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.garrison.api.Cursor;
import org.garrison.api.PageRequest;
import org.garrison.api.audit.AuditQuery;
import org.garrison.api.error.FieldError;
import org.garrison.api.error.ValidationException;

/**
 * Reads the audit-log filters of a request's query parameters (or a shell command's options), collecting every
 * problem so a caller can fix them all at once. Empty values do not filter.
 */
public final class AuditLogFilters {

    /** The outcomes an entry can have. */
    public static final Set<String> OUTCOMES = Set.of("success", "denied", "refused", "failed");

    private AuditLogFilters() {
    }

    /** The filters and the page of a listing request. */
    public record Listing(AuditQuery query, PageRequest page) {
    }

    /**
     * @throws ValidationException naming every malformed parameter, the page's included
     */
    public static Listing listing(String from, String to, String actor, String objectType, String objectId,
            String outcome, String limit, String cursor) {
        List<FieldError> errors = new ArrayList<>();
        AuditQuery query = null;
        try {
            query = query(from, to, actor, objectType, objectId, outcome);
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
    public static AuditQuery query(String from, String to, String actor, String objectType, String objectId,
            String outcome) {
        List<FieldError> errors = new ArrayList<>();
        Instant start = instant("from", from, errors);
        Instant end = instant("to", to, errors);
        if (start != null && end != null && !end.isAfter(start)) {
            errors.add(new FieldError("to", "must be after from"));
        }
        String actorId = text("actor", actor, AuditLogRepository.TEXT_LENGTH, errors);
        String type = text("objectType", objectType, AuditLogRepository.OBJECT_TYPE_LENGTH, errors);
        String id = text("objectId", objectId, AuditLogRepository.TEXT_LENGTH, errors);
        String result = blank(outcome) ? null : outcome.strip();
        if (result != null && !OUTCOMES.contains(result)) {
            errors.add(new FieldError("outcome", "must be one of success, denied, refused, failed"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new AuditQuery(start, end, actorId, type, id, result);
    }

    /**
     * The page asked for; {@code limit} arrives as text so that a non-number is a 422 naming it rather than the
     * 404 JAX-RS gives for an unconvertible query parameter.
     *
     * @throws ValidationException if the limit or the cursor is malformed
     */
    public static PageRequest page(String limit, String cursor) {
        List<FieldError> errors = new ArrayList<>();
        int size = PageRequest.DEFAULT_LIMIT;
        if (!blank(limit)) {
            try {
                size = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                errors.add(new FieldError("limit", "must be a whole number between 1 and " + PageRequest.MAX_LIMIT));
            }
        }
        if (size < 1 || size > PageRequest.MAX_LIMIT) {
            errors.add(new FieldError("limit", "must be between 1 and " + PageRequest.MAX_LIMIT));
        }
        Cursor after = null;
        if (!blank(cursor)) {
            try {
                after = Cursor.decode(cursor);
                // refuses a cursor of another listing now, not halfway through the answer
                Keyset.TimeAndId.of(after);
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new PageRequest(size, after);
    }

    private static Instant instant(String field, String value, List<FieldError> errors) {
        if (blank(value)) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO-8601 instant such as 2026-11-26T10:00:00Z"));
            return null;
        }
    }

    private static String text(String field, String value, int maxLength, List<FieldError> errors) {
        if (blank(value)) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            errors.add(new FieldError(field, "must be at most " + maxLength + " characters"));
            return null;
        }
        return stripped;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
