package org.garrison.agent.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.garrison.agent.files.AtomicFiles;
import org.garrison.agent.inventory.InventoryDiff;
import org.garrison.agent.inventory.InventorySource;
import org.garrison.api.device.InstalledApplication;
import org.garrison.api.device.InventoryReport;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Decides which inventory report to queue: a full one after enrollment, when the server asks, when the outbox lost
 * one and once a day; otherwise only what changed since the last report queued ({@link InventoryDiff}). The server's
 * view of the device after that report is kept in {@code inventory.json} (written after the outbox append, so a
 * crash in between at worst sends a change twice). Managed applications reported through the local bridge are kept
 * in {@code applications.json} and merged into every collected report, so a full report never drops them.
 */
public final class InventoryTracker {

    static final Duration FULL_EVERY = Duration.ofDays(1);
    private static final String STATE_FILE = "inventory.json";

    private final InventorySource source;
    private final AgentReports reports;
    private final Path stateFile;
    private final Path applicationsFile;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration interval;
    private Instant nextDueAt;
    private long lastFullSeq;

    /**
     * @param folder   where {@code inventory.json} and {@code applications.json} live
     * @param interval how often to collect the inventory
     */
    public InventoryTracker(InventorySource source, AgentReports reports, Path folder, ObjectMapper json, Clock clock,
            Duration interval) {
        this.source = source;
        this.reports = reports;
        this.stateFile = folder.resolve(STATE_FILE);
        this.applicationsFile = folder.resolve("applications.json");
        this.json = json;
        this.clock = clock;
        this.interval = interval;
        this.nextDueAt = clock.instant();
    }

    /** Whether it is time to collect the inventory again. */
    public synchronized boolean due() {
        return !clock.instant().isBefore(nextDueAt);
    }

    /** When the inventory is to be collected next. */
    public synchronized Instant nextDueAt() {
        return nextDueAt;
    }

    /**
     * Collects the inventory and queues a report: full if asked (or needed), else the changes, or nothing if
     * nothing changed.
     *
     * @return whether a report was queued
     */
    public synchronized boolean collect(boolean full) throws IOException {
        InventoryReport now = withApplications(source.collect(), applications());
        Optional<TrackedInventory> state = load();
        boolean lost = reports.takeInventoryLost();
        boolean sendFull = full || lost || state.isEmpty()
                || state.get().lastFullAt().plus(FULL_EVERY).isBefore(clock.instant());
        nextDueAt = clock.instant().plus(interval);
        if (sendFull) {
            InventoryReport report = asFull(now);
            lastFullSeq = reports.inventory(report);
            save(new TrackedInventory(clock.instant(), report));
            return true;
        }
        Optional<InventoryReport> changes = InventoryDiff.between(state.get().report(), now);
        if (changes.isEmpty()) {
            return false;
        }
        reports.inventory(changes.get());
        save(new TrackedInventory(state.get().lastFullAt(), InventoryDiff.applied(state.get().report(),
                changes.get())));
        return true;
    }

    /** Whether a full report queued by this tracker is still waiting in the outbox (above {@code acknowledged}). */
    public synchronized boolean fullReportWaiting(long acknowledged) {
        return lastFullSeq > acknowledged;
    }

    /**
     * A managed application reported its state through the local bridge: queue it as a partial report and keep it
     * for later full reports.
     */
    public synchronized void applicationReported(InstalledApplication application) throws IOException {
        Map<String, InstalledApplication> known = new LinkedHashMap<>();
        for (InstalledApplication existing : applications()) {
            known.put(existing.applicationId(), existing);
        }
        known.put(application.applicationId(), application);
        AtomicFiles.write(applicationsFile, json.writeValueAsBytes(List.copyOf(known.values())));
        InventoryReport report = new InventoryReport(null, false, null, null, null, null, null, null, null, null, null,
                List.of(application), List.of());
        reports.inventory(report);
        Optional<TrackedInventory> state = load();
        if (state.isPresent()) {
            save(new TrackedInventory(state.get().lastFullAt(), InventoryDiff.applied(state.get().report(), report)));
        }
    }

    /** Forgets what was sent from the agent in {@code folder}: after enrolling, the next report is a full one. */
    public static void forgetIn(Path folder) throws IOException {
        Files.deleteIfExists(folder.resolve(STATE_FILE));
    }

    private List<InstalledApplication> applications() throws IOException {
        if (!Files.exists(applicationsFile)) {
            return List.of();
        }
        return List.of(json.readValue(applicationsFile.toFile(), InstalledApplication[].class));
    }

    private static InventoryReport withApplications(InventoryReport report, List<InstalledApplication> reported) {
        if (reported.isEmpty()) {
            return report;
        }
        Map<String, InstalledApplication> merged = new LinkedHashMap<>();
        if (report.applications() != null) {
            report.applications().forEach(application -> merged.put(application.applicationId(), application));
        }
        reported.forEach(application -> merged.put(application.applicationId(), application));
        return new InventoryReport(report.deviceId(), report.full(), report.identity(), report.network(), report.os(),
                report.virtualisation(), report.activity(), report.users(), report.sessions(), report.hardware(),
                report.software(), new ArrayList<>(merged.values()), report.removedApplications());
    }

    private static InventoryReport asFull(InventoryReport report) {
        return new InventoryReport(null, true, report.identity(), report.network(), report.os(),
                report.virtualisation(), report.activity(), report.users(), report.sessions(), report.hardware(),
                report.software(), report.applications(), List.of());
    }

    private Optional<TrackedInventory> load() throws IOException {
        if (!Files.exists(stateFile)) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(stateFile.toFile(), TrackedInventory.class));
        } catch (IOException e) {
            // unreadable (written by an older agent, or damaged): a full report repairs the server's copy
            return Optional.empty();
        }
    }

    private void save(TrackedInventory state) throws IOException {
        AtomicFiles.write(stateFile, json.writeValueAsBytes(state));
    }

    /**
     * The server's view of the device after the last report queued.
     *
     * @param lastFullAt when the last full report was queued
     * @param report     the device as the server has it after the reports queued so far
     */
    record TrackedInventory(Instant lastFullAt, InventoryReport report) {
    }
}
