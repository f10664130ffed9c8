package org.garrison.api.device;

/**
 * Names a software registry entry of a device, for removal.
 *
 * @param name   the product name
 * @param vendor the vendor, or {@code null}
 */
public record SoftwareKey(String name, String vendor) {
}
