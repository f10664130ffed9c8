package org.garrison.plugins.endpointprotection.internal.reports;

import java.util.List;

/**
 * A report of kind {@code quarantine}: everything in the application's quarantine and backup storage now.
 */
public record QuarantineReport(List<QuarantineEntry> entries) {

    public QuarantineReport {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }
}
