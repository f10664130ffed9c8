package org.garrison.api.device;

import java.util.UUID;

/**
 * What became of one inventory report.
 *
 * @param deviceId the device reported about
 * @param applied  whether the report was stored
 * @param message  why not, when it was not; {@code null} otherwise
 */
public record InventoryOutcome(UUID deviceId, boolean applied, String message) {
}
