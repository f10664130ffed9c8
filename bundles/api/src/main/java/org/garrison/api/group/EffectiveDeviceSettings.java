package org.garrison.api.group;

import java.util.List;
import java.util.UUID;

/**
 * The device settings that apply to a group after inheritance.
 *
 * @param groupId          the group asked about
 * @param sourceGroupId    the group whose own settings these are (the group itself, an ancestor it inherits from,
 *                         or an ancestor that forces its settings on it)
 * @param forced           whether an ancestor forces them
 * @param statusConditions the conditions in force
 * @param inactivity       the inactivity handling in force
 */
public record EffectiveDeviceSettings(UUID groupId, UUID sourceGroupId, boolean forced,
        List<StatusCondition> statusConditions, InactivityHandling inactivity) {

    public EffectiveDeviceSettings {
        statusConditions = List.copyOf(statusConditions);
    }
}
