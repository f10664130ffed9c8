package org.garrison.plugins.endpointprotection.internal.reports;

/**
 * A component of the application, e.g. "File Threat Protection".
 *
 * @param name    its name
 * @param version its version, or {@code null}
 * @param status  e.g. {@code running}, {@code stopped}, {@code failed}
 */
public record ComponentStatus(String name, String version, String status) {
}
