package org.garrison.agent.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.garrison.agent.simulator.SimulatedMachine;
import org.garrison.api.device.ActivityReport;
import org.garrison.api.device.ApplicationState;
import org.garrison.api.device.DeviceIdentity;
import org.garrison.api.device.DeviceNetwork;
import org.garrison.api.device.HardwareComponent;
import org.garrison.api.device.InstalledApplication;
import org.garrison.api.device.InventoryReport;
import org.garrison.api.device.OperatingSystem;
import org.garrison.api.device.OsType;
import org.garrison.api.device.ProtectionState;
import org.garrison.api.device.SoftwareChanges;
import org.garrison.api.device.SoftwareEntry;
import org.garrison.api.device.SoftwareKey;
import org.garrison.api.device.UserAccount;
import org.garrison.api.device.UserSession;
import org.garrison.api.device.Virtualisation;
import org.junit.jupiter.api.Test;

class InventoryDiffTest {

    private static final Instant T = Instant.parse("2026-11-26T08:00:00Z");
    private static final SoftwareEntry FIREFOX = new SoftwareEntry("Firefox", "Mozilla", "120.0", T, "C:\\Firefox");
    private static final SoftwareEntry SEVEN_ZIP = new SoftwareEntry("7-Zip", "Igor Pavlov", "23.01", null, null);
    private static final InstalledApplication PROTECTION = new InstalledApplication("endpoint-protection",
            "Endpoint Protection", "12.1", ApplicationState.RUNNING, ProtectionState.ON, T, 0, 0, List.of(), null,
            null, T, null, List.of(), List.of());

    static InventoryReport base() {
        return new InventoryReport(null, true,
                new DeviceIdentity("CORP", null, "WS-1", "corp.example.com", "ws-1.corp.example.com", "hw"),
                new DeviceNetwork("10.0.0.1", null, null, List.of("aa:bb:cc:dd:ee:ff")),
                new OperatingSystem(OsType.WINDOWS, "x86_64", "Microsoft Corporation", "Windows 11 Pro", "10.0",
                        "22631", "23H2", "C:\\Windows"),
                Virtualisation.physical(), new ActivityReport(T, false, T.minusSeconds(3600)),
                List.of(new UserAccount("alice", "CORP", "Alice", null)),
                List.of(new UserSession("alice", "CORP", "console", T, null)),
                List.of(new HardwareComponent("processor", "CPU", null, null, null, null)),
                new SoftwareChanges(List.of(FIREFOX, SEVEN_ZIP), null, null), List.of(PROTECTION), null);
    }

    private static InventoryReport with(InventoryReport r, SoftwareChanges software) {
        return new InventoryReport(r.deviceId(), true, r.identity(), r.network(), r.os(), r.virtualisation(),
                r.activity(), r.users(), r.sessions(), r.hardware(), software, r.applications(), List.of());
    }

    private static InventoryReport withActivity(InventoryReport r, ActivityReport activity) {
        return new InventoryReport(r.deviceId(), true, r.identity(), r.network(), r.os(), r.virtualisation(),
                activity, r.users(), r.sessions(), r.hardware(), r.software(), r.applications(), List.of());
    }

    private static InventoryReport withApplications(InventoryReport r, List<InstalledApplication> applications) {
        return new InventoryReport(r.deviceId(), true, r.identity(), r.network(), r.os(), r.virtualisation(),
                r.activity(), r.users(), r.sessions(), r.hardware(), r.software(), applications, List.of());
    }

    /**
     * A report as the server holds it, for comparison: software in the server's order, activity without the
     * last-visible time (the server sets that from syncs).
     */
    static InventoryReport asStored(InventoryReport r) {
        SoftwareChanges software = r.software() == null ? null
                : new SoftwareChanges(r.software().installed().stream()
                        .sorted(Comparator.comparing((SoftwareEntry e) -> ReportLimits.softwareKey(e.name(),
                                e.vendor())))
                        .toList(), null, null);
        List<InstalledApplication> applications = r.applications() == null ? null
                : r.applications().stream().sorted(Comparator.comparing(InstalledApplication::applicationId))
                        .toList();
        ActivityReport activity = r.activity() == null ? null
                : new ActivityReport(null, r.activity().restartPending(), r.activity().poweredOnAt());
        return new InventoryReport(r.deviceId(), true, r.identity(), r.network(), r.os(), r.virtualisation(),
                activity, r.users(), r.sessions(), r.hardware(), software, applications, List.of());
    }

    /** Asserts that the diff is a report the server accepts and that applying it to {@code a} gives {@code b}. */
    static void assertRoundTrip(InventoryReport a, InventoryReport b) {
        Optional<InventoryReport> diff = InventoryDiff.between(a, b);
        diff.ifPresent(report -> assertEquals(List.of(), ServerInventoryRules.problems(report)));
        InventoryReport applied = diff.map(report -> InventoryDiff.applied(a, report)).orElse(a);
        assertEquals(asStored(b), asStored(applied));
    }

    @Test
    void applyingTheDiffOfTwoSnapshotsOfASimulatedMachineGivesTheLaterOne() {
        Instant start = Instant.parse("2026-11-02T06:00:00Z");
        for (int machine = 0; machine < 60; machine++) {
            SimulatedMachine simulated = new SimulatedMachine(77, machine);
            InventoryReport first = simulated.inventoryAt(start);
            for (long hours : new long[] {1, 9, 30, 24 * 7, 24 * 45, 24 * 200}) {
                assertRoundTrip(first, simulated.inventoryAt(start.plus(Duration.ofHours(hours))));
            }
        }
    }

    @Test
    void aChainOfDiffsKeepsTheAgentsCopyEqualToTheMachine() {
        SimulatedMachine simulated = new SimulatedMachine(77, 5);
        Instant start = Instant.parse("2026-11-02T06:00:00Z");
        InventoryReport copy = simulated.inventoryAt(start);
        int reports = 0;
        for (int hours = 3; hours < 24 * 60; hours += 3) {
            InventoryReport now = simulated.inventoryAt(start.plus(Duration.ofHours(hours)));
            Optional<InventoryReport> diff = InventoryDiff.between(copy, now);
            if (diff.isPresent()) {
                reports++;
                assertFalse(diff.get().full());
                copy = InventoryDiff.applied(copy, diff.get());
            }
            assertEquals(asStored(now), asStored(copy));
        }
        assertTrue(reports > 50, "the machine changed: " + reports);
    }

    @Test
    void nothingChangedMeansNoReport() {
        assertEquals(Optional.empty(), InventoryDiff.between(base(), base()));
    }

    @Test
    void theLastVisibleTimeAloneIsNotWorthAReport() {
        InventoryReport later = withActivity(base(), new ActivityReport(T.plusSeconds(600), false,
                T.minusSeconds(3600)));

        assertEquals(Optional.empty(), InventoryDiff.between(base(), later));
    }

    @Test
    void aPendingRestartIsReportedWithTheActivityOnly() {
        InventoryReport pending = withActivity(base(), new ActivityReport(T, true, T.minusSeconds(3600)));

        InventoryReport diff = InventoryDiff.between(base(), pending).orElseThrow();

        assertFalse(diff.full());
        assertTrue(diff.activity().restartPending());
        assertNull(diff.identity());
        assertNull(diff.network());
        assertNull(diff.os());
        assertNull(diff.virtualisation());
        assertNull(diff.users());
        assertNull(diff.sessions());
        assertNull(diff.hardware());
        assertNull(diff.software());
        assertNull(diff.applications());
        assertEquals(List.of(), diff.removedApplications());
    }

    @Test
    void eachChangedScalarSectionIsSentWhole() {
        InventoryReport a = base();
        InventoryReport b = new InventoryReport(null, true,
                new DeviceIdentity("CORP", null, "WS-2", "corp.example.com", "ws-2.corp.example.com", "hw"),
                new DeviceNetwork("10.0.0.2", null, null, List.of("aa:bb:cc:dd:ee:ff")),
                new OperatingSystem(OsType.WINDOWS, "x86_64", "Microsoft Corporation", "Windows 11 Pro", "10.0",
                        "22631", "24H2", "C:\\Windows"),
                new Virtualisation(true, "Hyper-V", "microsoft", false, null), a.activity(), a.users(),
                a.sessions(), a.hardware(), a.software(), a.applications(), null);

        InventoryReport diff = InventoryDiff.between(a, b).orElseThrow();

        assertEquals(b.identity(), diff.identity());
        assertEquals(b.network(), diff.network());
        assertEquals(b.os(), diff.os());
        assertEquals(b.virtualisation(), diff.virtualisation());
        assertNull(diff.activity());
        assertNull(diff.software());
        assertRoundTrip(a, b);
    }

    @Test
    void changedUsersSessionsAndHardwareAreSentWhole() {
        InventoryReport a = base();
        List<UserSession> sessions = new ArrayList<>(a.sessions());
        sessions.add(0, new UserSession("bob", "CORP", "remote", T.plusSeconds(60), null));
        InventoryReport b = new InventoryReport(null, true, a.identity(), a.network(), a.os(), a.virtualisation(),
                a.activity(), List.of(), sessions,
                List.of(new HardwareComponent("processor", "CPU", null, null, null, null),
                        new HardwareComponent("usb-device", "Stick", "SanDisk", null, "123", null)),
                a.software(), a.applications(), null);

        InventoryReport diff = InventoryDiff.between(a, b).orElseThrow();

        assertEquals(List.of(), diff.users(), "every account gone is an empty list, not 'unchanged'");
        assertEquals(sessions, diff.sessions());
        assertEquals(2, diff.hardware().size());
        assertRoundTrip(a, b);
    }

    @Test
    void softwareChangesAreSentAsInstalledUpdatedAndRemoved() {
        SoftwareEntry newFirefox = new SoftwareEntry("Firefox", "Mozilla", "121.0", T.plusSeconds(60),
                "C:\\Firefox");
        SoftwareEntry notepad = new SoftwareEntry("Notepad++", "Notepad++ Team", "8.6", null, null);
        InventoryReport a = base();
        InventoryReport b = with(a, new SoftwareChanges(List.of(notepad, newFirefox), null, null));

        SoftwareChanges diff = InventoryDiff.between(a, b).orElseThrow().software();

        assertEquals(List.of(notepad), diff.installed());
        assertEquals(List.of(newFirefox), diff.updated());
        assertEquals(List.of(new SoftwareKey("7-Zip", "Igor Pavlov")), diff.removed());
        assertRoundTrip(a, b);
    }

    @Test
    void anEntryWhoseNameChangesOnlyInCaseIsReplaced() {
        InventoryReport a = base();
        InventoryReport b = with(a, new SoftwareChanges(List.of(new SoftwareEntry("FIREFOX", "mozilla", "120.0", T,
                "C:\\Firefox"), SEVEN_ZIP), null, null));

        SoftwareChanges diff = InventoryDiff.between(a, b).orElseThrow().software();

        assertEquals(1, diff.updated().size());
        assertEquals(List.of(), diff.removed());
        assertRoundTrip(a, b);
    }

    @Test
    void applicationsAddedChangedAndRemovedAreSentAsChanges() {
        InstalledApplication paused = new InstalledApplication("endpoint-protection", "Endpoint Protection", "12.1",
                ApplicationState.RUNNING, ProtectionState.PAUSED, T, 3, 0, List.of(), null, null, T, null,
                List.of(), List.of());
        InstalledApplication backup = new InstalledApplication("backup", "Backup", "1", ApplicationState.RUNNING,
                ProtectionState.NOT_SUPPORTED, null, 0, 0, List.of(), null, null, null, null, List.of(), List.of());
        InventoryReport a = base();

        InventoryReport changed = InventoryDiff.between(a, withApplications(a, List.of(paused, backup)))
                .orElseThrow();
        InventoryReport removed = InventoryDiff.between(a, withApplications(a, List.of())).orElseThrow();

        assertEquals(List.of(paused, backup), changed.applications());
        assertEquals(List.of(), changed.removedApplications());
        assertNull(removed.applications());
        assertEquals(List.of("endpoint-protection"), removed.removedApplications());
        assertRoundTrip(a, withApplications(a, List.of(paused, backup)));
        assertRoundTrip(a, withApplications(a, List.of()));
    }

    @Test
    void aSectionThatCouldNotBeCollectedIsLeftUnchanged() {
        InventoryReport a = base();
        InventoryReport b = new InventoryReport(null, true, null, null, null, null, null, null, null, null, null,
                null, null);

        assertEquals(Optional.empty(), InventoryDiff.between(a, b));
    }

    @Test
    void softwareKnownAgainAfterBeingUnknownIsSentWholeInAFullReport() {
        InventoryReport a = with(base(), null);
        InventoryReport b = base();

        InventoryReport diff = InventoryDiff.between(a, b).orElseThrow();

        assertTrue(diff.full());
        assertEquals(b.software().installed(), diff.software().installed());
        assertNull(diff.applications(), "unchanged applications stay out even of a full report");
        assertNull(diff.users());
        assertRoundTrip(a, b);
    }
}
