package org.garrison.gateway.internal.enrollment;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.agent.AgentState;
import org.garrison.api.device.Device;
import org.garrison.api.device.DeviceQuery;
import org.garrison.api.device.DeviceService;
import org.garrison.api.device.DeviceSort;
import org.garrison.api.error.ValidationException;

/**
 * What admins' requests about agents name, as REST and the shell read it: the devices of a group subtree, and an agent
 * state filter.
 */
public final class DeviceSelection {

    private DeviceSelection() {
    }

    /** Every device in the group and the groups below it. */
    public static Set<UUID> inSubtree(DeviceService devices, UUID groupId) {
        DeviceQuery query = new DeviceQuery(groupId, true, Set.of(), Set.of(), null, null, null, null, null, null,
                null, null, DeviceSort.NAME, false);
        Set<UUID> deviceIds = new LinkedHashSet<>();
        PageRequest page = new PageRequest(PageRequest.MAX_LIMIT, null);
        while (true) {
            Page<Device> found = devices.list(query, page);
            found.items().forEach(device -> deviceIds.add(device.id()));
            if (!found.hasMore()) {
                return deviceIds;
            }
            page = PageRequest.of(PageRequest.MAX_LIMIT, found.nextCursor());
        }
    }

    /**
     * An agent state filter: a state's name, case-insensitive, {@code -} for {@code _}; {@code null} for none.
     *
     * @throws ValidationException (field {@code state}) for anything else
     */
    public static AgentState state(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return AgentState.valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("state", "must be one of PENDING_APPROVAL, ACTIVE, REJECTED, REVOKED");
        }
    }
}
