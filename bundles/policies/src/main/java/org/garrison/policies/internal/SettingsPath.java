package org.garrison.policies.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The path of a value inside a settings object: the keys from the top down. Written like a JSON pointer without
 * its leading slash ({@code scan/schedule/interval}), with {@code ~1} for a {@code /} and {@code ~0} for a
 * {@code ~} inside a key, so that every key can be named and paths of sibling keys never run into each other.
 *
 * @param keys the keys from the top down; empty for the whole settings object
 */
public record SettingsPath(List<String> keys) {

    /** The whole settings object. */
    public static final SettingsPath ROOT = new SettingsPath(List.of());

    /** The longest path accepted, in characters of its written form. */
    static final int MAX_LENGTH = 1024;

    /** The deepest path accepted; the JSON parser refuses deeper documents anyway. */
    static final int MAX_DEPTH = 64;

    public SettingsPath {
        keys = List.copyOf(keys);
    }

    /**
     * Reads a written path. A leading slash (as in a JSON pointer) is accepted and dropped.
     *
     * @throws IllegalArgumentException with the reason, for an empty path, an empty key, a bad escape or a path
     *         that is too long or too deep
     */
    public static SettingsPath parse(String text) {
        if (text == null || text.isEmpty() || text.equals("/")) {
            throw new IllegalArgumentException("must name a setting, e.g. scan/schedule/interval");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("must be at most " + MAX_LENGTH + " characters long");
        }
        String body = text.startsWith("/") ? text.substring(1) : text;
        List<String> keys = new ArrayList<>();
        StringBuilder key = new StringBuilder();
        for (int i = 0; i <= body.length(); i++) {
            char c = i == body.length() ? '/' : body.charAt(i);
            if (c == '/') {
                if (key.isEmpty()) {
                    throw new IllegalArgumentException("has an empty key (two slashes in a row, or one at the end)");
                }
                keys.add(key.toString());
                key.setLength(0);
            } else if (c == '~') {
                char next = i + 1 < body.length() ? body.charAt(i + 1) : ' ';
                if (next != '0' && next != '1') {
                    throw new IllegalArgumentException("has a ~ that is not ~0 (for ~) or ~1 (for /)");
                }
                key.append(next == '0' ? '~' : '/');
                i++;
            } else if (Character.isISOControl(c)) {
                throw new IllegalArgumentException("must not contain control characters");
            } else {
                key.append(c);
            }
        }
        if (keys.size() > MAX_DEPTH) {
            throw new IllegalArgumentException("must be at most " + MAX_DEPTH + " keys deep");
        }
        return new SettingsPath(keys);
    }

    /** The path one key further down. */
    public SettingsPath child(String key) {
        List<String> longer = new ArrayList<>(keys.size() + 1);
        longer.addAll(keys);
        longer.add(key);
        return new SettingsPath(longer);
    }

    /** Whether this path is the other one or lies above it: a lock on this path covers the other. */
    public boolean covers(SettingsPath other) {
        return other.keys.size() >= keys.size() && other.keys.subList(0, keys.size()).equals(keys);
    }

    /** Whether this path lies strictly below the other one. */
    public boolean isBelow(SettingsPath other) {
        return keys.size() > other.keys.size() && other.covers(this);
    }

    public boolean isRoot() {
        return keys.isEmpty();
    }

    /** The written form, e.g. {@code scan/schedule/interval}; empty for the root. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (String key : keys) {
            if (!text.isEmpty()) {
                text.append('/');
            }
            text.append(key.replace("~", "~0").replace("/", "~1"));
        }
        return text.toString();
    }

    /** The written form with a prefix, e.g. {@code settings/scan} for prefix {@code settings}. */
    public String under(String prefix) {
        return isRoot() ? prefix : prefix + "/" + this;
    }
}
