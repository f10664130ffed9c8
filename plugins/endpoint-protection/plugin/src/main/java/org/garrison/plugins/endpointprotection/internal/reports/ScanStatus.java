package org.garrison.plugins.endpointprotection.internal.reports;

import java.time.Instant;
import java.util.List;

/**
 * A report of kind {@code scan-status}: the application's protection and scan state now.
 *
 * @param realTimeProtection  {@code on}, {@code off}, {@code paused}, {@code starting} or {@code not-supported}
 * @param lastFullScan        when the last full scan finished, or {@code null}
 * @param lastQuickScan       when the last quick scan finished, or {@code null}
 * @param databasesReleasedAt the release time of the databases in use, or {@code null}
 * @param components          the application's components, each name once
 */
public record ScanStatus(String realTimeProtection, Instant lastFullScan, Instant lastQuickScan,
        Instant databasesReleasedAt, List<ComponentStatus> components) {

    public ScanStatus {
        lastFullScan = Times.stored(lastFullScan);
        lastQuickScan = Times.stored(lastQuickScan);
        databasesReleasedAt = Times.stored(databasesReleasedAt);
        components = components == null ? List.of() : List.copyOf(components);
    }
}
