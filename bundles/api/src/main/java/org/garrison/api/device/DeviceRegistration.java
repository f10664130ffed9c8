package org.garrison.api.device;

import java.util.UUID;

/**
 * A new device, registered by an admin or by agent enrollment.
 *
 * @param displayName the name shown to admins, 1–255 characters
 * @param groupId     the group to put it in, or {@code null} for "Unassigned devices"
 * @param identity    what is known of its names, or {@code null}
 */
public record DeviceRegistration(String displayName, UUID groupId, DeviceIdentity identity) {
}
