package org.garrison.api.device;

import java.time.Instant;

/**
 * The activity section of an inventory report.
 *
 * @param lastVisible    when the device was last visible on the network; {@code null} means "now" (the report's
 *                       arrival)
 * @param restartPending whether the device waits for a restart
 * @param poweredOnAt    when it was turned on, or {@code null}
 */
public record ActivityReport(Instant lastVisible, boolean restartPending, Instant poweredOnAt) {
}
