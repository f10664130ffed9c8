package org.garrison.plugins.endpointprotection.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.garrison.api.agent.ApplicationData;
import org.garrison.api.error.FieldError;
import org.garrison.api.event.NewEvent;
import org.garrison.plugins.endpointprotection.internal.reports.InvalidReportException;
import org.garrison.plugins.endpointprotection.internal.reports.ReportReader;
import org.garrison.plugins.endpointprotection.internal.reports.ScanStatus;
import org.garrison.plugins.endpointprotection.internal.reports.ThreatDetection;
import org.garrison.plugins.endpointprotection.internal.reports.ThreatStatus;
import org.garrison.plugins.endpointprotection.internal.reports.ThreatsReport;
import org.garrison.plugins.endpointprotection.internal.reports.Times;
import org.garrison.plugins.endpointprotection.internal.store.LicenceRepository;
import org.garrison.plugins.endpointprotection.internal.store.QuarantineRepository;
import org.garrison.plugins.endpointprotection.internal.store.ReportTimesRepository;
import org.garrison.plugins.endpointprotection.internal.store.ScanStateRepository;
import org.garrison.plugins.endpointprotection.internal.store.StoredScanState;
import org.garrison.plugins.endpointprotection.internal.store.StoredThreat;
import org.garrison.plugins.endpointprotection.internal.store.ThreatCounts;
import org.garrison.plugins.endpointprotection.internal.store.ThreatRepository;

/**
 * Writes the application's reports into the plugin's tables, inside the caller's transaction, and says which events
 * they give rise to. Applying a report twice changes nothing: detections are keyed by the application's id and only
 * a newer report changes one; quarantine, scan status and licence replace the device's rows only when the report is
 * newer than the one applied last.
 */
public final class ReportApplier {

    private final ReportReader reader;
    private final ThreatRepository threats = new ThreatRepository();
    private final QuarantineRepository quarantine = new QuarantineRepository();
    private final ScanStateRepository scans = new ScanStateRepository();
    private final LicenceRepository licences = new LicenceRepository();
    private final ReportTimesRepository times = new ReportTimesRepository();

    public ReportApplier(ReportReader reader) {
        this.reader = reader;
    }

    /**
     * @param outdatedDays the age from which the databases count as outdated
     * @return the events the report gives rise to (new detections, objects not disinfected, outdated databases)
     * @throws InvalidReportException if the report does not follow its kind's schema; nothing of it was written
     */
    public List<NewEvent> apply(Connection c, UUID deviceId, ApplicationData report, int outdatedDays)
            throws SQLException {
        String kind = report.kind() == null ? "" : report.kind();
        if (report.reportedAt() == null) {
            throw new InvalidReportException(kind, List.of(new FieldError("reportedAt", "is required")));
        }
        Instant reportedAt = Times.stored(report.reportedAt());
        switch (kind) {
            case EndpointProtection.KIND_THREATS:
                return threats(c, deviceId, reader.threats(report.data()), reportedAt);
            case EndpointProtection.KIND_QUARANTINE: {
                var entries = reader.quarantine(report.data()).entries();
                if (newer(c, deviceId, kind, reportedAt)) {
                    quarantine.replace(c, deviceId, entries);
                }
                return List.of();
            }
            case EndpointProtection.KIND_SCAN_STATUS:
                return scanStatus(c, deviceId, reader.scanStatus(report.data()), reportedAt, outdatedDays);
            case EndpointProtection.KIND_LICENCE: {
                var licence = reader.licence(report.data());
                if (newer(c, deviceId, kind, reportedAt)) {
                    licences.replace(c, deviceId, licence);
                }
                return List.of();
            }
            default:
                throw new InvalidReportException(kind, List.of(new FieldError("kind", "'" + kind
                        + "' is not a kind of data Endpoint Protection reports")));
        }
    }

    /** What the tables say about the device now. */
    public ProtectionSummary summary(Connection c, UUID deviceId) throws SQLException {
        ThreatCounts counts = threats.counts(c, deviceId);
        return new ProtectionSummary(counts, scans.find(c, deviceId), licences.find(c, deviceId),
                times.latest(c, deviceId, EndpointProtection.KIND_LICENCE).orElse(null));
    }

    private List<NewEvent> threats(Connection c, UUID deviceId, ThreatsReport report, Instant reportedAt)
            throws SQLException {
        // a detection listed twice in one report: its last entry counts, as if sent one after the other
        Map<String, ThreatDetection> detections = new LinkedHashMap<>();
        report.detections().forEach(d -> detections.put(d.id(), d));
        Map<String, StoredThreat> stored = threats.find(c, deviceId, detections.keySet());
        List<NewEvent> events = new ArrayList<>();
        for (ThreatDetection detection : detections.values()) {
            StoredThreat known = stored.get(detection.id());
            if (known == null) {
                threats.insert(c, deviceId, detection, reportedAt);
                events.add(ProtectionEvents.threatDetected(deviceId, detection));
                if (detection.status() == ThreatStatus.NOT_DISINFECTED) {
                    events.add(ProtectionEvents.objectNotDisinfected(deviceId, detection, reportedAt));
                }
            } else if (!reportedAt.isBefore(known.changedAt()) && (known.status() != detection.status()
                    || !known.actionTaken().equals(detection.actionTaken()))) {
                threats.updateOutcome(c, deviceId, detection, reportedAt);
                if (detection.status() == ThreatStatus.NOT_DISINFECTED
                        && known.status() != ThreatStatus.NOT_DISINFECTED) {
                    events.add(ProtectionEvents.objectNotDisinfected(deviceId, detection, reportedAt));
                }
            }
        }
        // threats reports are changes, not snapshots: any order applies; the row marks the device as known
        Optional<Instant> latest = times.latest(c, deviceId, EndpointProtection.KIND_THREATS);
        if (latest.isEmpty() || latest.get().isBefore(reportedAt)) {
            times.record(c, deviceId, EndpointProtection.KIND_THREATS, reportedAt);
        }
        return events;
    }

    private List<NewEvent> scanStatus(Connection c, UUID deviceId, ScanStatus status, Instant reportedAt,
            int outdatedDays) throws SQLException {
        if (!newer(c, deviceId, EndpointProtection.KIND_SCAN_STATUS, reportedAt)) {
            return List.of();
        }
        Optional<StoredScanState> previous = scans.find(c, deviceId);
        scans.replace(c, deviceId, status, reportedAt);
        Instant released = status.databasesReleasedAt();
        if (released == null) {
            return List.of();
        }
        DatabaseAge age = DatabaseAge.of(released, reportedAt, outdatedDays);
        boolean reportedBefore = previous.isPresent()
                && released.equals(previous.get().status().databasesReleasedAt())
                && DatabaseAge.of(released, previous.get().reportedAt(), outdatedDays).outdated();
        return age.outdated() && !reportedBefore
                ? List.of(ProtectionEvents.databasesOutdated(deviceId, released, age, reportedAt))
                : List.of();
    }

    /** Whether the report is newer than the last applied one of its kind; if so, it becomes the last applied. */
    private boolean newer(Connection c, UUID deviceId, String kind, Instant reportedAt) throws SQLException {
        Optional<Instant> latest = times.latest(c, deviceId, kind);
        if (latest.isPresent() && !latest.get().isBefore(reportedAt)) {
            return false;
        }
        times.record(c, deviceId, kind, reportedAt);
        return true;
    }
}
