package org.garrison.plugins.endpointprotection.internal;

import java.time.Instant;
import java.util.Optional;

import org.garrison.plugins.endpointprotection.internal.reports.LicenceReport;
import org.garrison.plugins.endpointprotection.internal.store.StoredScanState;
import org.garrison.plugins.endpointprotection.internal.store.ThreatCounts;

/**
 * What the plugin's tables say about one device, from which its application entry is derived.
 *
 * @param threats           its detections, counted
 * @param scan              its last scan-status report, if any
 * @param licence           its licence keys, if ever reported
 * @param licenceReportedAt when the application reported them
 */
public record ProtectionSummary(ThreatCounts threats, Optional<StoredScanState> scan, Optional<LicenceReport> licence,
        Instant licenceReportedAt) {
}
