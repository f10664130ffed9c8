package org.garrison.plugins.endpointprotection.internal.reports;

/**
 * A report of kind {@code licence}: the application's active and reserve licence keys now.
 *
 * @param active  the key in use, or {@code null}
 * @param reserve the key that takes over when the active one expires, or {@code null}
 */
public record LicenceReport(LicenceKeyReport active, LicenceKeyReport reserve) {
}
