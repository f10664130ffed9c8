package org.garrison.groups.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.error.FieldError;
import org.garrison.api.error.ValidationException;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.group.EffectiveDeviceSettings;
import org.garrison.api.group.GroupDeviceSettings;
import org.garrison.api.group.InactivityHandling;
import org.garrison.api.group.StatusCondition;
import org.garrison.api.group.StatusConditionType;

/**
 * Defaults, validation and inheritance of per-group device settings, as documented in
 * {@link org.garrison.api.group.GroupDeviceSettingsService}.
 */
final class DeviceSettingsRules {

    /** Thresholds of these types count up: the warning comes first, so it may not exceed the critical one. */
    private static final Set<StatusConditionType> RISING = EnumSet.of(StatusConditionType.NOT_SEEN_DAYS,
            StatusConditionType.NOT_SYNCHRONISED_DAYS, StatusConditionType.THREATS_DETECTED,
            StatusConditionType.OBJECTS_NOT_DISINFECTED, StatusConditionType.SCAN_OVERDUE_DAYS);

    private static final List<StatusCondition> DEFAULT_CONDITIONS = List.of(
            new StatusCondition(StatusConditionType.NOT_SEEN_DAYS, true, 7, 30),
            new StatusCondition(StatusConditionType.RESTART_PENDING, true, 0, null));

    private DeviceSettingsRules() {
    }

    /** What a group has until an admin changes its settings. */
    static GroupDeviceSettings defaults(UUID groupId) {
        if (AdministrationGroup.MANAGED_DEVICES.equals(groupId)) {
            return new GroupDeviceSettings(false, false, DEFAULT_CONDITIONS, new InactivityHandling(null, null));
        }
        if (AdministrationGroup.UNASSIGNED_DEVICES.equals(groupId)) {
            return new GroupDeviceSettings(false, false, DEFAULT_CONDITIONS, new InactivityHandling(null, 30));
        }
        return new GroupDeviceSettings(true, false, DEFAULT_CONDITIONS, new InactivityHandling(null, null));
    }

    /**
     * @throws ValidationException listing every problem: missing parts, negative values, a warning threshold beyond
     *         the critical one, two conditions of one type
     */
    static void validate(GroupDeviceSettings settings) {
        List<FieldError> errors = new ArrayList<>();
        Set<StatusConditionType> seen = EnumSet.noneOf(StatusConditionType.class);
        for (int i = 0; i < settings.statusConditions().size(); i++) {
            StatusCondition condition = settings.statusConditions().get(i);
            String field = "statusConditions/" + i;
            if (condition.type() == null) {
                errors.add(new FieldError(field + "/type", "is required"));
                continue;
            }
            if (!seen.add(condition.type())) {
                errors.add(new FieldError(field + "/type", "repeats " + condition.type()
                        + ": a group has at most one condition of each type"));
            }
            nonNegative(errors, field + "/warningThreshold", condition.warningThreshold());
            nonNegative(errors, field + "/criticalThreshold", condition.criticalThreshold());
            Integer warning = condition.warningThreshold();
            Integer critical = condition.criticalThreshold();
            if (warning != null && critical != null && warning >= 0 && critical >= 0) {
                if (RISING.contains(condition.type()) && warning > critical) {
                    errors.add(new FieldError(field + "/warningThreshold",
                            "must not be greater than the critical threshold (" + critical + ")"));
                } else if (condition.type() == StatusConditionType.LICENCE_EXPIRING_DAYS && warning < critical) {
                    errors.add(new FieldError(field + "/warningThreshold",
                            "must not be smaller than the critical threshold (" + critical
                                    + "): the warning comes first, with more days left"));
                }
            }
        }
        InactivityHandling inactivity = settings.inactivity();
        if (inactivity == null) {
            errors.add(new FieldError("inactivity", "is required"));
        } else {
            positive(errors, "inactivity/notifyAfterDays", inactivity.notifyAfterDays());
            positive(errors, "inactivity/removeAfterDays", inactivity.removeAfterDays());
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static void nonNegative(List<FieldError> errors, String field, Integer value) {
        if (value != null && value < 0) {
            errors.add(new FieldError(field, "must not be negative"));
        }
    }

    private static void positive(List<FieldError> errors, String field, Integer value) {
        if (value != null && value < 1) {
            errors.add(new FieldError(field, "must be at least 1 day, or left out for never"));
        }
    }

    /**
     * The settings in force for the last group of the path.
     *
     * @param path the groups from the top-level group down to the group asked about, with their own settings
     *             ({@code null} for defaults)
     */
    static EffectiveDeviceSettings effective(List<GroupTree.Entry> path) {
        GroupTree.Entry top = path.get(0);
        GroupDeviceSettings current = own(top);
        UUID source = top.group().id();
        boolean forcing = current.forceOnChildren();
        boolean forced = false;
        for (GroupTree.Entry entry : path.subList(1, path.size())) {
            if (forcing) {
                forced = true;
                continue;
            }
            GroupDeviceSettings settings = own(entry);
            if (!settings.inheritFromParent()) {
                current = settings;
                source = entry.group().id();
            }
            forcing = settings.forceOnChildren();
        }
        GroupTree.Entry asked = path.get(path.size() - 1);
        return new EffectiveDeviceSettings(asked.group().id(), source, forced, current.statusConditions(),
                current.inactivity());
    }

    static GroupDeviceSettings own(GroupTree.Entry entry) {
        return entry.settings() == null ? defaults(entry.group().id()) : entry.settings();
    }
}
