package org.garrison.groups.internal;

import java.util.List;

import org.garrison.api.data.DataInventoryProvider;
import org.garrison.api.data.DataItem;
import org.garrison.api.data.DataOrigin;
import org.osgi.service.component.annotations.Component;

/**
 * What the groups area stores, for the data inventory: the administration-group tree and each group's device
 * settings.
 */
@Component
public class GroupsDataInventory implements DataInventoryProvider {

    private static final String OWNER = DataItem.CORE;
    private static final String UNTIL_DELETED = "until an admin deletes the group; its last state then stays in the "
            + "registry of deleted objects";

    private static final List<DataItem> ITEMS = List.of(
            new DataItem("group.tree", OWNER, "Administration groups",
                    "The tree of administration groups: each group's name and parent. The built-in groups Managed "
                            + "devices and Unassigned devices always exist.",
                    DataOrigin.ADMIN, "GROUPS_GROUP.ID, PARENT_ID, NAME", false, false, UNTIL_DELETED),
            new DataItem("group.device-settings", OWNER, "Device settings of administration groups",
                    "Status conditions (when a device counts as warning or critical) and inactivity handling "
                            + "(report and remove devices not seen for N days), with the inherit and force switches.",
                    DataOrigin.ADMIN, "GROUPS_GROUP.DEVICE_SETTINGS", false, false, UNTIL_DELETED));

    @Override
    public List<DataItem> dataItems() {
        return ITEMS;
    }
}
