package org.garrison.api.device;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A managed device: its admin fields and the scalar facts its Network Agent reports. The registries (hardware,
 * software), installed applications and user sessions are read separately through {@link DeviceService}.
 *
 * @param id             the device's id
 * @param groupId        the administration group it is in
 * @param displayName    the name shown to admins (set by an admin or, until then, taken from the reported names)
 * @param description    the admin's description, or {@code null}
 * @param identity       Windows and DNS names, hardware id
 * @param network        addresses
 * @param os             operating system
 * @param virtualisation virtual machine facts
 * @param activity       last update, last visible, restart pending, powered on
 * @param status         the computed status with its reasons
 * @param tags           tags set by admins and applications
 * @param createdAt      when the device was registered
 * @param modifiedAt     when an admin or an inventory last changed it
 */
public record Device(UUID id, UUID groupId, String displayName, String description, DeviceIdentity identity,
        DeviceNetwork network, OperatingSystem os, Virtualisation virtualisation, DeviceActivity activity,
        DeviceStatus status, List<DeviceTag> tags, Instant createdAt, Instant modifiedAt) {

    public Device {
        tags = List.copyOf(tags);
    }
}
