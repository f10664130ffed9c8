package org.garrison.plugins.devicecontrol.simulator;

/**
 * An external device as the simulated operating system reports it when it is attached.
 *
 * @param instanceId   a stable id of the physical device, like a Windows device instance path
 * @param deviceClass  one of the plugin's device classes
 * @param bus          one of the plugin's buses
 * @param vendorId     four hex digits, or {@code null}
 * @param productId    four hex digits, or {@code null}
 * @param serialNumber or {@code null}
 */
record AttachedDevice(String instanceId, String deviceClass, String bus, String name, String vendorId,
        String productId, String serialNumber) {

    /** Storage-like classes: the only ones a read-only access applies to. */
    boolean storageLike() {
        return deviceClass.equals("removable-storage") || deviceClass.equals("cd-dvd")
                || deviceClass.equals("portable-device");
    }
}
