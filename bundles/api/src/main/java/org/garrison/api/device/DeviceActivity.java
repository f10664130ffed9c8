package org.garrison.api.device;

import java.time.Instant;

/**
 * What a device did lately.
 *
 * @param lastUpdate     when the Network Agent last sent an inventory, or {@code null} if never
 * @param lastVisible    when the device was last visible on the network, or {@code null} if never
 * @param restartPending whether the device waits for a restart
 * @param poweredOnAt    when the device was turned on, or {@code null} if unknown
 */
public record DeviceActivity(Instant lastUpdate, Instant lastVisible, boolean restartPending,
        Instant poweredOnAt) {
}
