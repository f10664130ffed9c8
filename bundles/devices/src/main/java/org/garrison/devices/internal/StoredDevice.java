package org.garrison.devices.internal;

import org.garrison.api.device.Device;

/**
 * A device as stored, with what the API record does not show.
 *
 * @param device          the device
 * @param nameSetByAdmin  whether an admin chose the display name (else it follows the reported names)
 */
record StoredDevice(Device device, boolean nameSetByAdmin) {
}
