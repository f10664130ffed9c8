package org.garrison.api.device;

import java.util.Set;
import java.util.UUID;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told when devices are removed for good (deleted from "Unassigned devices", one by one, in bulk, or as inactive),
 * so that whoever keeps data about devices (a plugin's tables) can drop theirs at once. Register an implementation
 * as an OSGi service (whiteboard).
 *
 * <p>It is called after the removal, on a thread of the devices area (never the caller's), once per removing call,
 * by the server node that removed them. Nodes sharing the database, and a listener that was not running at the time,
 * are not told: keep a periodic sweep (ask {@link DeviceService#groupsOf} which devices still exist) as well.
 * Confirm the same way before dropping anything that cannot be recovered: a restored device comes back with its id.
 * An exception is logged and changes nothing for the others.
 *
 * @since 1.2
 */
@ConsumerType
public interface DeviceRemovalListener {

    /** @param deviceIds the devices removed */
    void devicesRemoved(Set<UUID> deviceIds);
}
