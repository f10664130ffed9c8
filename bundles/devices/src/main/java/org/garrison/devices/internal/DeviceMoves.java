package org.garrison.devices.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Moves devices into a group the one way every path does (admin moves, removal to "Unassigned devices", moving
 * rules, deleted groups releasing their devices): the group changes, statuses are recomputed with the new group's
 * conditions, and both are reported as events.
 */
final class DeviceMoves {

    private final DeviceRepository devices;
    private final DeviceEvents events;

    DeviceMoves(DeviceRepository devices, DeviceEvents events) {
        this.devices = devices;
        this.events = events;
    }

    /**
     * @param statuses recomputes the moved devices' statuses, or {@code null} when the group settings are not
     *                 available (the next housekeeping pass recomputes them)
     * @return how many devices changed group
     */
    int move(Connection c, Collection<UUID> ids, UUID target, DeviceStatuses statuses, Instant now)
            throws SQLException {
        if (ids.isEmpty()) {
            return 0;
        }
        Map<UUID, UUID> from = new LinkedHashMap<>(devices.groupsOf(c, ids));
        from.values().removeIf(target::equals);
        int moved = devices.move(c, ids, target, now);
        events.moved(from, target);
        if (statuses != null) {
            events.statusChanged(statuses.recompute(c, ids));
        }
        return moved;
    }
}
