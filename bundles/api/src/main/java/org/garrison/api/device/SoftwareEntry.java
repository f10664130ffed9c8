package org.garrison.api.device;

import java.time.Instant;

/**
 * One entry of a device's software registry. A device has at most one entry per name and vendor.
 *
 * @param name        the product name
 * @param vendor      the vendor, or {@code null}
 * @param version     the installed version, or {@code null}
 * @param installedAt when it was installed, or {@code null}
 * @param location    where it is installed, or {@code null}
 */
public record SoftwareEntry(String name, String vendor, String version, Instant installedAt, String location) {
}
