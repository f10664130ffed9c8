package org.garrison.api.group;

import java.util.List;

/**
 * A group's own device settings, as the admin set them.
 *
 * @param inheritFromParent use the parent's effective settings instead of these (ignored for the top-level
 *                          groups, which have no parent)
 * @param forceOnChildren   make these settings (or the inherited ones, if inheriting) apply to every group below,
 *                          whatever they say
 * @param statusConditions  the device-status conditions, at most one per type
 * @param inactivity        inactivity handling
 */
public record GroupDeviceSettings(boolean inheritFromParent, boolean forceOnChildren,
        List<StatusCondition> statusConditions, InactivityHandling inactivity) {

    public GroupDeviceSettings {
        statusConditions = List.copyOf(statusConditions);
    }
}
