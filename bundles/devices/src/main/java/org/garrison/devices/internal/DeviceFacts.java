package org.garrison.devices.internal;

import java.time.Instant;
import java.util.List;

import org.garrison.api.device.InstalledApplication;

/**
 * What a device's status is computed from.
 *
 * @param registeredAt   when the device was registered (stands for "last seen" until it is seen)
 * @param lastUpdate     the last inventory, or {@code null}
 * @param lastVisible    the last time it was visible, or {@code null}
 * @param restartPending whether it waits for a restart
 * @param applications   its managed applications (components not needed)
 */
record DeviceFacts(Instant registeredAt, Instant lastUpdate, Instant lastVisible, boolean restartPending,
        List<InstalledApplication> applications) {

    DeviceFacts {
        applications = List.copyOf(applications);
    }
}
