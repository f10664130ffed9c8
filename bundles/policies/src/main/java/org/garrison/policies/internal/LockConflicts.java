package org.garrison.policies.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.garrison.api.error.FieldError;

/**
 * Finds the values a submitted policy or profile would change although a policy above locked them. Setting a locked
 * value to what it is already is harmless and passes.
 */
final class LockConflicts {

    private final MergedSettings inherited;
    private final Function<UUID, String> groupNames;

    /**
     * @param inherited  the settings and locks the policy inherits
     * @param groupNames the name of a group, for the messages
     */
    LockConflicts(MergedSettings inherited, Function<UUID, String> groupNames) {
        this.inherited = inherited;
        this.groupNames = groupNames;
    }

    /** One error per offending value, named under {@code field} (e.g. {@code settings/scan/interval}). */
    List<FieldError> in(Map<String, Object> settings, String field) {
        List<FieldError> errors = new ArrayList<>();
        if (inherited.hasLocks()) {
            walk(settings, inherited.settings(), SettingsPath.ROOT, field, errors);
        }
        return errors;
    }

    private void walk(Object value, Object before, SettingsPath path, String field, List<FieldError> errors) {
        if (value instanceof Map<?, ?> object && (before instanceof Map || before == SettingsValues.ABSENT
                || path.isRoot())) {
            for (Map.Entry<?, ?> entry : object.entrySet()) {
                String key = String.valueOf(entry.getKey());
                Object below = before instanceof Map<?, ?> map && map.containsKey(key) ? map.get(key)
                        : SettingsValues.ABSENT;
                walk(entry.getValue(), below, path.child(key), field, errors);
            }
            return;
        }
        Optional<MergedSettings.Lock> lock = inherited.lockCovering(path).or(() -> inherited.lockBelow(path));
        if (lock.isPresent() && !SettingsValues.same(value, before)) {
            errors.add(new FieldError(path.under(field), "is locked by the policy \"" + lock.get().origin()
                    .policyName() + "\" of the group \"" + groupNames.apply(lock.get().origin().groupId())
                    + "\"" + (lock.get().origin().profile() == null ? ""
                            : " (profile \"" + lock.get().origin().profile() + "\")")));
        }
    }
}
