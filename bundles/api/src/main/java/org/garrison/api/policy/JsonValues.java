package org.garrison.api.policy;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deep, unmodifiable copies of JSON values (maps, lists, strings, numbers, booleans and {@code null}, as a JSON
 * parser produces them) for the records of this package. A value copied once is recognised and not copied again, so
 * handing the same settings from record to record (one effective policy per device, for many devices) costs nothing.
 */
final class JsonValues {

    private JsonValues() {
    }

    /** A deep unmodifiable copy of a JSON object; {@code null} gives an empty object. Keeps the keys' order. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Map<String, ?> map) {
        return map == null ? (Map<String, Object>) FrozenMap.EMPTY : (Map<String, Object>) value(map);
    }

    /**
     * An unmodifiable copy of a map whose values are immutable already, keeping the keys' order; {@code null} gives
     * an empty map.
     */
    @SuppressWarnings("unchecked")
    static <V> Map<String, V> ordered(Map<String, V> map) {
        if (map == null) {
            return (Map<String, V>) FrozenMap.EMPTY;
        }
        if (map instanceof FrozenMap<?>) {
            return map;
        }
        return new FrozenMap<>(new LinkedHashMap<>(map));
    }

    private static Object value(Object value) {
        if (value instanceof Map<?, ?> map) {
            if (map instanceof FrozenMap<?>) {
                return map;
            }
            Map<String, Object> copy = new LinkedHashMap<>(map.size() * 2);
            map.forEach((key, item) -> copy.put(String.valueOf(key), value(item)));
            return new FrozenMap<>(copy);
        }
        if (value instanceof List<?> list) {
            if (list instanceof FrozenArray) {
                return list;
            }
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(value(item)));
            return new FrozenArray(copy);
        }
        return value;
    }

    /** An unmodifiable map with string keys in a fixed order, whose values are immutable too. */
    private static final class FrozenMap<V> extends AbstractMap<String, V> {

        static final FrozenMap<Object> EMPTY = new FrozenMap<>(new LinkedHashMap<>());

        private final Map<String, V> entries;

        FrozenMap(Map<String, V> entries) {
            this.entries = Collections.unmodifiableMap(entries);
        }

        @Override
        public Set<Entry<String, V>> entrySet() {
            return entries.entrySet();
        }

        @Override
        public V get(Object key) {
            return entries.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return entries.containsKey(key);
        }

        @Override
        public int size() {
            return entries.size();
        }
    }

    /** An unmodifiable JSON array whose items are frozen too. */
    private static final class FrozenArray extends AbstractList<Object> {

        private final List<Object> items;

        FrozenArray(List<Object> items) {
            this.items = items;
        }

        @Override
        public Object get(int index) {
            return items.get(index);
        }

        @Override
        public int size() {
            return items.size();
        }
    }
}
