package org.garrison.devices.internal.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.PageRequest;
import org.garrison.api.device.DeviceQuery;
import org.garrison.api.device.DeviceSort;
import org.garrison.api.device.OsType;
import org.garrison.api.device.StatusLevel;
import org.garrison.api.error.FieldError;
import org.garrison.api.error.ValidationException;

/**
 * Turns the query parameters of the device listings into a {@link DeviceQuery}, refusing malformed values with an
 * error naming the parameter (all of them at once).
 */
public final class QueryParameters {

    private final List<FieldError> errors = new ArrayList<>();

    private QueryParameters() {
    }

    /** The raw parameters of a device listing; any may be {@code null}. */
    public record Raw(String group, String subtree, List<String> status, List<String> os, String q, String tag,
            String lastVisibleFrom, String lastVisibleTo, String app, String noApp, String softwareName,
            String softwareVersion, String sort, String order) {
    }

    public static DeviceQuery deviceQuery(Raw raw) {
        QueryParameters p = new QueryParameters();
        UUID group = p.uuid("group", raw.group());
        boolean subtree = p.bool("subtree", raw.subtree(), true);
        Set<StatusLevel> statuses = p.enums("status", raw.status(), StatusLevel.class);
        Set<OsType> os = p.enums("os", raw.os(), OsType.class);
        Instant from = p.instant("lastVisibleFrom", raw.lastVisibleFrom());
        Instant to = p.instant("lastVisibleTo", raw.lastVisibleTo());
        if (from != null && to != null && !from.isBefore(to)) {
            p.errors.add(new FieldError("lastVisibleTo", "must be after lastVisibleFrom"));
        }
        DeviceSort sort = p.sort(raw.sort());
        boolean descending = p.descending(raw.order());
        String q = p.text("q", raw.q(), 255);
        String tag = p.text("tag", raw.tag(), 128);
        String app = p.text("app", raw.app(), 128);
        String noApp = p.text("noApp", raw.noApp(), 128);
        String softwareName = p.text("name", raw.softwareName(), 255);
        String softwareVersion = p.text("version", raw.softwareVersion(), 128);
        p.throwIfAny();
        return new DeviceQuery(group, subtree, statuses, os, q, tag, from, to, app, noApp, softwareName,
                softwareVersion, sort, descending);
    }

    /** A page request from raw {@code limit} and {@code cursor} parameters. */
    public static PageRequest page(String limit, String cursor) {
        Integer value = null;
        if (limit != null && !limit.isBlank()) {
            try {
                value = Integer.valueOf(limit.trim());
            } catch (NumberFormatException e) {
                throw new ValidationException("limit", "must be a whole number between 1 and "
                        + PageRequest.MAX_LIMIT);
            }
        }
        return PageRequest.of(value, cursor);
    }

    private void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return org.garrison.api.Ids.parse(name, value.trim());
        } catch (ValidationException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    private boolean bool(String name, String value, boolean fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                errors.add(new FieldError(name, "must be true or false"));
                yield fallback;
            }
        };
    }

    private <E extends Enum<E>> Set<E> enums(String name, List<String> values, Class<E> type) {
        Set<E> result = EnumSet.noneOf(type);
        if (values == null) {
            return result;
        }
        for (String value : values) {
            for (String part : value.split(",")) {
                String trimmed = part.trim();
                if (trimmed.isEmpty()) {
                    continue;
                }
                try {
                    result.add(Enum.valueOf(type, trimmed.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError(name, "'" + abbreviate(trimmed) + "' is not one of "
                            + names(type)));
                }
            }
        }
        return result;
    }

    private Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be a UTC time such as 2026-01-31T12:00:00Z"));
            return null;
        }
    }

    private DeviceSort sort(String value) {
        if (value == null || value.isBlank()) {
            return DeviceSort.NAME;
        }
        return switch (value.trim()) {
            case "name" -> DeviceSort.NAME;
            case "lastVisible" -> DeviceSort.LAST_VISIBLE;
            case "status" -> DeviceSort.STATUS;
            case "os" -> DeviceSort.OS;
            case "ip" -> DeviceSort.IP;
            default -> {
                errors.add(new FieldError("sort", "must be one of name, lastVisible, status, os, ip"));
                yield DeviceSort.NAME;
            }
        };
    }

    private boolean descending(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "asc" -> false;
            case "desc" -> true;
            default -> {
                errors.add(new FieldError("order", "must be asc or desc"));
                yield false;
            }
        };
    }

    private String text(String name, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            errors.add(new FieldError(name, "must be at most " + max + " characters"));
            return null;
        }
        return value.trim();
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }

    private static <E extends Enum<E>> String names(Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name());
        }
        return String.join(", ", names);
    }
}
