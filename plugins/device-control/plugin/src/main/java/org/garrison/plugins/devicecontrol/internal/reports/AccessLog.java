package org.garrison.plugins.devicecontrol.internal.reports;

import java.util.List;

/**
 * A report of kind {@code access-log}: the decisions taken since the application's previous report.
 */
public record AccessLog(List<AccessEntry> entries) {

    public AccessLog {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }
}
