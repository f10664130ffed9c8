package org.garrison.api.device;

/**
 * One entry of a device's hardware registry.
 *
 * @param category     e.g. "cpu", "memory", "disk", "network-adapter", "motherboard"
 * @param name         the component's name
 * @param vendor       its vendor, or {@code null}
 * @param model        its model, or {@code null}
 * @param serialNumber its serial number, or {@code null}
 * @param details      further details (capacity, frequency...), or {@code null}
 */
public record HardwareComponent(String category, String name, String vendor, String model, String serialNumber,
        String details) {
}
