package org.garrison.plugins.devicecontrol.internal.rest;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.garrison.api.PageRequest;
import org.garrison.api.error.ValidationException;
import org.garrison.plugins.devicecontrol.internal.reports.Access;

/**
 * Reads the listing's query parameters, refusing malformed ones with a 422 that names the parameter. Repeatable
 * parameters may also be comma-separated.
 */
final class QueryParameters {

    static final Set<String> DEVICE_CLASSES = Set.of("removable-storage", "cd-dvd", "portable-device", "printer",
            "imaging", "bluetooth", "wifi-adapter", "modem", "serial-port", "usb-other");

    private QueryParameters() {
    }

    static Set<String> deviceClasses(List<String> values) {
        Set<String> classes = new TreeSet<>();
        for (String name : split(values)) {
            if (!DEVICE_CLASSES.contains(name)) {
                throw new ValidationException("class", "must be one of " + new TreeSet<>(DEVICE_CLASSES) + ", not '"
                        + abbreviated(name) + "'");
            }
            classes.add(name);
        }
        return classes;
    }

    static Set<Access> accesses(List<String> values) {
        Set<Access> accesses = EnumSet.noneOf(Access.class);
        for (String name : split(values)) {
            accesses.add(Access.fromWireName(name).orElseThrow(() -> new ValidationException("access",
                    "must be allowed, blocked or read-only, not '" + abbreviated(name) + "'")));
        }
        return accesses;
    }

    /** {@code null} when absent. */
    static Boolean connected(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new ValidationException("connected", "must be true or false");
        };
    }

    static Integer limit(String limit) {
        if (limit == null || limit.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(limit);
        } catch (NumberFormatException e) {
            throw new ValidationException("limit", "must be a whole number between 1 and " + PageRequest.MAX_LIMIT);
        }
    }

    private static List<String> split(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::strip)
                .filter(v -> !v.isEmpty()).toList();
    }

    private static String abbreviated(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
