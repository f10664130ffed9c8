package org.garrison.policies.internal;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Questions about settings values as a JSON parser produces them (maps, lists, strings, numbers, booleans and
 * {@code null}).
 */
public final class SettingsValues {

    /** Stands for a value that is not there at all, which is not the same as a JSON {@code null}. */
    static final Object ABSENT = new Object() {
        @Override
        public String toString() {
            return "(absent)";
        }
    };

    private SettingsValues() {
    }

    /** The value at a path, or {@link #ABSENT}. */
    public static Object at(Map<String, ?> settings, SettingsPath path) {
        Object current = settings;
        for (String key : path.keys()) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(key)) {
                return ABSENT;
            }
            current = map.get(key);
        }
        return current;
    }

    /**
     * Whether two values mean the same JSON: numbers compare by value ({@code 1} and {@code 1.0} are the same),
     * objects by their entries whatever their order, arrays item by item.
     */
    static boolean same(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null || a == ABSENT || b == ABSENT) {
            return false;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return decimal(x).compareTo(decimal(y)) == 0;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> entry : x.entrySet()) {
                if (!y.containsKey(entry.getKey()) || !same(entry.getValue(), y.get(entry.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            Iterator<?> i = x.iterator();
            Iterator<?> j = y.iterator();
            while (i.hasNext()) {
                if (!same(i.next(), j.next())) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /**
     * The settings without the keys whose value is {@code null}, at every depth of objects (arrays are values and
     * stay as they are): in settings, {@code null} means "not set", exactly like a missing key, so that a stored,
     * listed and re-submitted policy always means the same.
     */
    static Map<String, Object> withoutNulls(Map<String, ?> settings) {
        Map<String, Object> kept = new LinkedHashMap<>();
        settings.forEach((key, value) -> {
            if (value instanceof Map<?, ?> object) {
                Map<String, Object> inner = new LinkedHashMap<>();
                object.forEach((k, v) -> inner.put(String.valueOf(k), v));
                kept.put(key, withoutNulls(inner));
            } else if (value != null) {
                kept.put(key, value);
            }
        });
        return kept;
    }

    private static BigDecimal decimal(Number number) {
        try {
            return number instanceof BigDecimal big ? big : new BigDecimal(number.toString());
        } catch (NumberFormatException notFinite) {
            return BigDecimal.valueOf(Double.MAX_VALUE);
        }
    }
}
