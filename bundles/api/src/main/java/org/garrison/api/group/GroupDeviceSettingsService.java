package org.garrison.api.group;

import java.util.UUID;

import org.garrison.api.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Per-group device settings (status conditions, inactivity handling), inherited down the tree.
 *
 * <p>Inheritance: walking from the top-level group down to the group asked about, the settings in force start with
 * the top-level group's own; at each group below, they become that group's own unless it inherits from its parent
 * or an ancestor above forces its settings. Built-in defaults: "Managed devices" warns after 7 and is critical after
 * 30 days not seen, warns on a pending restart, never removes devices; "Unassigned devices" removes devices not
 * seen for 30 days.
 */
@ProviderType
public interface GroupDeviceSettingsService {

    /**
     * The group's own settings (defaults until an admin changes them).
     *
     * @throws org.garrison.api.error.NotFoundException if there is no such group
     */
    GroupDeviceSettings own(UUID groupId);

    /**
     * @throws org.garrison.api.error.NotFoundException if there is no such group
     * @throws org.garrison.api.error.ValidationException for negative thresholds, a warning threshold beyond the
     *         critical one, or two conditions of one type
     */
    GroupDeviceSettings update(UUID groupId, GroupDeviceSettings settings, Actor actor);

    /**
     * The settings in force for the group, and where they come from.
     *
     * @throws org.garrison.api.error.NotFoundException if there is no such group
     */
    EffectiveDeviceSettings effective(UUID groupId);
}
