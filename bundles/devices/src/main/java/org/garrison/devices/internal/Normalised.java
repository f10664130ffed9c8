package org.garrison.devices.internal;

import java.util.Locale;

import org.garrison.api.error.ValidationException;

/**
 * The normalised forms the database stores next to reported values, so filters and sorts use plain indexed
 * comparisons: lower-case keys, IPv4 addresses as numbers, MAC addresses in one notation.
 */
final class Normalised {

    /** The sort key of a device without an IPv4 address: before every address. */
    static final long NO_IPV4 = -1L;

    private Normalised() {
    }

    /** The case-insensitive comparison key of a name, {@code ""} for none. */
    static String key(String value) {
        return value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    }

    /** {@code null} for a blank value, else the trimmed value. */
    static String trimmed(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** {@code ""} for a missing value: used in key columns that must not be null. */
    static String orEmpty(String value) {
        String trimmed = trimmed(value);
        return trimmed == null ? "" : trimmed;
    }

    /** The reverse of {@link #orEmpty(String)}. */
    static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /**
     * An IPv4 address in dotted form as a number that sorts like the address.
     *
     * @throws IllegalArgumentException if it is not a dotted-quad address
     */
    static long ipv4(String address) {
        String[] parts = address.trim().split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + address);
        }
        long value = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("not an IPv4 address: " + address);
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                throw new IllegalArgumentException("not an IPv4 address: " + address);
            }
            value = value << 8 | octet;
        }
        return value;
    }

    /** Whether the text is a dotted-quad IPv4 address. */
    static boolean isIpv4(String address) {
        try {
            ipv4(address);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * A MAC address as six lower-case hex pairs separated by colons; accepts colons, dashes or nothing between
     * the pairs.
     *
     * @throws ValidationException naming the field if it is not a MAC address
     */
    static String mac(String field, String address) {
        String hex = address == null ? "" : address.trim().replace(":", "").replace("-", "").toLowerCase(Locale.ROOT);
        if (hex.length() != 12 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new ValidationException(field, "must be a MAC address such as 00:1a:2b:3c:4d:5e");
        }
        StringBuilder mac = new StringBuilder(17);
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) {
                mac.append(':');
            }
            mac.append(hex, i, i + 2);
        }
        return mac.toString();
    }

    /** A LIKE pattern matching values that contain the text, with the pattern characters escaped by '\'. */
    static String containsPattern(String text) {
        String escaped = key(text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
