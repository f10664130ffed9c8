package org.garrison.plugins.endpointprotection.internal.store;

import java.time.Instant;

import org.garrison.plugins.endpointprotection.internal.reports.ScanStatus;

/**
 * A device's last scan-status report and when the application produced it.
 */
public record StoredScanState(Instant reportedAt, ScanStatus status) {
}
