package org.garrison.plugins.devicecontrol.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.agent.ApplicationData;
import org.garrison.api.error.FieldError;
import org.garrison.api.event.NewEvent;
import org.garrison.plugins.devicecontrol.internal.reports.Access;
import org.garrison.plugins.devicecontrol.internal.reports.AccessEntry;
import org.garrison.plugins.devicecontrol.internal.reports.ConnectedDevices;
import org.garrison.plugins.devicecontrol.internal.reports.InvalidReportException;
import org.garrison.plugins.devicecontrol.internal.reports.ReportReader;
import org.garrison.plugins.devicecontrol.internal.reports.Times;
import org.garrison.plugins.devicecontrol.internal.store.AccessLogRepository;
import org.garrison.plugins.devicecontrol.internal.store.ControlState;
import org.garrison.plugins.devicecontrol.internal.store.ExternalDeviceRepository;
import org.garrison.plugins.devicecontrol.internal.store.StateRepository;

/**
 * Writes the application's reports into the plugin's tables, inside the caller's transaction, and says which events
 * they give rise to. Applying a report twice changes nothing: access-log entries are keyed by the application's id,
 * and a connected-devices snapshot replaces what the device has only when it is newer than the one applied last.
 */
public final class ReportApplier {

    static final String USB_STORAGE_CLASS = "removable-storage";
    static final String USB_BUS = "usb";

    private final ReportReader reader;
    private final ExternalDeviceRepository devices = new ExternalDeviceRepository();
    private final AccessLogRepository log = new AccessLogRepository();
    private final StateRepository states = new StateRepository();

    public ReportApplier(ReportReader reader) {
        this.reader = reader;
    }

    /**
     * @return the events the report gives rise to (trusted devices allowed)
     * @throws InvalidReportException if the report does not follow its kind's schema; nothing of it was written
     */
    public List<NewEvent> apply(Connection c, UUID deviceId, ApplicationData report) throws SQLException {
        String kind = report.kind() == null ? "" : report.kind();
        if (report.reportedAt() == null) {
            throw new InvalidReportException(kind, List.of(new FieldError("reportedAt", "is required")));
        }
        Instant reportedAt = Times.stored(report.reportedAt());
        switch (kind) {
            case DeviceControl.KIND_CONNECTED_DEVICES:
                snapshot(c, deviceId, reader.connectedDevices(report.data()), reportedAt);
                return List.of();
            case DeviceControl.KIND_ACCESS_LOG:
                return accessLog(c, deviceId, reader.accessLog(report.data()).entries());
            default:
                throw new InvalidReportException(kind, List.of(new FieldError("kind", "'" + kind
                        + "' is not a kind of data Device Control reports")));
        }
    }

    /** What the tables say about the device now. */
    public ControlSummary summary(Connection c, UUID deviceId) throws SQLException {
        return new ControlSummary(states.find(c, deviceId),
                devices.connectedBlocked(c, deviceId, USB_STORAGE_CLASS, USB_BUS));
    }

    private void snapshot(Connection c, UUID deviceId, ConnectedDevices snapshot, Instant reportedAt)
            throws SQLException {
        Optional<ControlState> state = states.find(c, deviceId);
        if (state.isPresent() && state.get().snapshotAt() != null && !state.get().snapshotAt().isBefore(reportedAt)) {
            return;
        }
        devices.applySnapshot(c, deviceId, snapshot.devices(), ConnectedDevices.ENFORCE.equals(snapshot.mode()));
        states.snapshot(c, deviceId, reportedAt, snapshot.mode(), snapshot.policyHash());
    }

    private List<NewEvent> accessLog(Connection c, UUID deviceId, List<AccessEntry> reported) throws SQLException {
        if (reported.isEmpty()) {
            return List.of();
        }
        // an entry listed twice in one report: its first entry counts, as an entry never changes
        Map<String, AccessEntry> entries = new LinkedHashMap<>();
        reported.forEach(e -> entries.putIfAbsent(e.id(), e));
        Set<String> known = log.known(c, deviceId, entries.keySet());
        List<AccessEntry> fresh = entries.values().stream().filter(e -> !known.contains(e.id())).toList();
        log.insert(c, deviceId, fresh);
        List<NewEvent> events = new ArrayList<>();
        Instant newest = null;
        for (AccessEntry entry : fresh) {
            if (AccessEntry.TRUSTED_DEVICE.equals(entry.decidedBy()) && entry.decision() == Access.ALLOWED) {
                events.add(DeviceControlEvents.allowedByException(deviceId, entry));
            }
            newest = newest == null || entry.at().isAfter(newest) ? entry.at() : newest;
        }
        if (newest != null) {
            states.entries(c, deviceId, newest);
        }
        return events;
    }
}
