package org.garrison.plugins.endpointprotection.internal.reports;

import java.util.List;

/**
 * A report of kind {@code threats}: detections that are new or changed since the application's previous report.
 */
public record ThreatsReport(List<ThreatDetection> detections) {

    public ThreatsReport {
        detections = detections == null ? List.of() : List.copyOf(detections);
    }
}
