package org.garrison.policies.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import org.garrison.api.policy.SettingOrigin;

/**
 * Settings being merged from policies and profiles, top of the group tree first: a deep merge of objects where any
 * other value (arrays included) replaces the one below it whole. Remembers where each leaf value came from and
 * which paths are locked; a value locked by an earlier layer is kept, whatever a later layer says.
 */
final class MergedSettings {

    /** A locked path, with the policy (or profile) that locked it. */
    record Lock(SettingsPath path, SettingOrigin origin) {
    }

    private final Map<String, Object> root = new LinkedHashMap<>();
    /** By the written path, so that the values below a path form one range of keys. */
    private final TreeMap<String, SettingOrigin> origins = new TreeMap<>();
    private final List<Lock> locks = new ArrayList<>();

    /** Merges values over the current ones, except where a lock forbids it. */
    void apply(Map<String, ?> values, SettingOrigin origin) {
        apply(root, SettingsPath.ROOT, values, origin);
    }

    @SuppressWarnings("unchecked")
    private void apply(Map<String, Object> target, SettingsPath at, Map<String, ?> values, SettingOrigin origin) {
        for (Map.Entry<String, ?> entry : values.entrySet()) {
            SettingsPath path = at.child(entry.getKey());
            if (lockCovering(path).isPresent()) {
                continue;
            }
            Object value = entry.getValue();
            boolean known = target.containsKey(entry.getKey());
            Object existing = target.get(entry.getKey());
            if (value instanceof Map<?, ?> object) {
                if (!(existing instanceof Map)) {
                    if (known && lockBelow(path).isPresent()) {
                        continue;
                    }
                    if (known) {
                        forgetOrigins(path.toString());
                    }
                    existing = new LinkedHashMap<String, Object>();
                    target.put(entry.getKey(), existing);
                }
                apply((Map<String, Object>) existing, path, (Map<String, ?>) object, origin);
            } else {
                if (lockBelow(path).isPresent()) {
                    continue;
                }
                // leaves are never changed in place, so the (immutable) value itself can be kept
                target.put(entry.getKey(), value);
                String written = path.toString();
                if (known) {
                    forgetOrigins(written);
                }
                origins.put(written, origin);
            }
        }
    }

    /** Locks paths from now on. */
    void lock(List<String> paths, SettingOrigin origin) {
        for (String path : paths) {
            locks.add(new Lock(SettingsPath.parse(path), origin));
        }
    }

    /** The lock on the path or on a path above it, if any. */
    Optional<Lock> lockCovering(SettingsPath path) {
        for (Lock lock : locks) {
            if (lock.path().covers(path)) {
                return Optional.of(lock);
            }
        }
        return Optional.empty();
    }

    /** A lock on a path strictly below the path, if any. */
    Optional<Lock> lockBelow(SettingsPath path) {
        for (Lock lock : locks) {
            if (lock.path().isBelow(path)) {
                return Optional.of(lock);
            }
        }
        return Optional.empty();
    }

    boolean hasLocks() {
        return !locks.isEmpty();
    }

    /** The merged settings; the caller must not change them. */
    Map<String, Object> settings() {
        return root;
    }

    /** Where each leaf came from, by path, in the order of the paths. */
    Map<String, SettingOrigin> origins() {
        return new LinkedHashMap<>(origins);
    }

    /** The locked paths, sorted, each once. */
    List<String> lockedPaths() {
        TreeSet<String> paths = new TreeSet<>();
        locks.forEach(lock -> paths.add(lock.path().toString()));
        return List.copyOf(paths);
    }

    /** Forgets where the value at the (written) path and the values below it came from. */
    private void forgetOrigins(String written) {
        origins.remove(written);
        origins.subMap(written + "/", true, written + "/\uffff", true).clear();
    }
}
