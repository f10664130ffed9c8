package org.garrison.api.device;

/**
 * One line of the fleet-wide software registry.
 *
 * @param name        the product name
 * @param vendor      the vendor, or {@code null}
 * @param version     the version, or {@code null}
 * @param deviceCount how many devices have it
 */
public record SoftwareProduct(String name, String vendor, String version, long deviceCount) {
}
