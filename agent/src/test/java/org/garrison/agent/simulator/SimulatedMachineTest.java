package org.garrison.agent.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.garrison.agent.inventory.InventoryDiff;
import org.garrison.agent.inventory.ServerInventoryRules;
import org.garrison.api.device.InventoryReport;
import org.garrison.api.device.OsType;
import org.garrison.api.device.SoftwareEntry;
import org.garrison.api.event.EventSeverity;
import org.garrison.api.event.NewEvent;
import org.junit.jupiter.api.Test;

class SimulatedMachineTest {

    private static final long SEED = 20261126L;
    private static final Instant T = Instant.parse("2026-11-26T10:15:00Z");

    @Test
    void theSameSeedAndIndexGiveTheSameMachine() {
        SimulatedMachine one = new SimulatedMachine(SEED, 42);
        SimulatedMachine two = new SimulatedMachine(SEED, 42);

        assertEquals(one.inventoryAt(T), two.inventoryAt(T));
        assertEquals(one.hardwareId(), two.hardwareId());
        assertEquals(one.hostFacts("1.0"), two.hostFacts("1.0"));
        one.eventsUntil(T);
        two.eventsUntil(T);
        assertEquals(one.eventsUntil(T.plus(Duration.ofHours(5))), two.eventsUntil(T.plus(Duration.ofHours(5))));
    }

    @Test
    void anotherSeedOrIndexGivesAnotherMachine() {
        InventoryReport base = new SimulatedMachine(SEED, 42).inventoryAt(T);

        assertNotEquals(base, new SimulatedMachine(SEED + 1, 42).inventoryAt(T));
        assertNotEquals(base, new SimulatedMachine(SEED, 43).inventoryAt(T));
        assertNotEquals(new SimulatedMachine(SEED, 42).hardwareId(), new SimulatedMachine(SEED, 43).hardwareId());
    }

    @Test
    void theFleetMixesOperatingSystemsVirtualMachinesAndSoftwareRealistically() {
        int machines = 2000;
        Map<OsType, Integer> systems = new EnumMap<>(OsType.class);
        int virtual = 0;
        int minSoftware = Integer.MAX_VALUE;
        int maxSoftware = 0;
        Set<String> hostnames = new HashSet<>();
        Set<String> addresses = new HashSet<>();
        for (int i = 0; i < machines; i++) {
            InventoryReport report = new SimulatedMachine(SEED, i).inventoryAt(T);
            systems.merge(report.os().type(), 1, Integer::sum);
            virtual += report.virtualisation().virtualMachine() ? 1 : 0;
            int software = report.software().installed().size();
            minSoftware = Math.min(minSoftware, software);
            maxSoftware = Math.max(maxSoftware, software);
            hostnames.add(report.identity().dnsName());
            addresses.add(report.network().ipv4());
        }
        System.out.printf("Fleet of %d: %s, %d virtual, %d to %d software entries%n", machines, systems, virtual,
                minSoftware, maxSoftware);

        assertBetween(0.66, 0.74, systems.get(OsType.WINDOWS) / (double) machines);
        assertBetween(0.17, 0.23, systems.get(OsType.LINUX) / (double) machines);
        assertBetween(0.06, 0.10, systems.get(OsType.MACOS) / (double) machines);
        assertBetween(0.005, 0.04, systems.getOrDefault(OsType.OTHER, 0) / (double) machines);
        assertBetween(0.25, 0.37, virtual / (double) machines);
        assertTrue(minSoftware >= 80 && maxSoftware <= 300, minSoftware + ".." + maxSoftware);
        assertTrue(maxSoftware - minSoftware > 50, "machines carry different amounts of software");
        assertEquals(machines, hostnames.size(), "every machine has its own name");
        assertEquals(machines, addresses.size(), "every machine has its own address at a given time");
    }

    @Test
    void machinesAreNamedByTheirIndex() {
        for (int i = 0; i < 200; i++) {
            String name = new SimulatedMachine(SEED, i).hostFacts("1.0").hostname();
            assertTrue(name.matches("(ws|srv|lnx|lws|mac|bsd)-" + String.format("%05d", i)), name);
        }
    }

    @Test
    void everyReportPassesTheServersChecks() {
        for (int i = 0; i < 300; i++) {
            SimulatedMachine machine = new SimulatedMachine(SEED, i);
            for (int hours = 0; hours < 24 * 40; hours += 97) {
                InventoryReport report = machine.inventoryAt(T.plus(Duration.ofHours(hours)));
                assertEquals(List.of(), ServerInventoryRules.problems(report), "machine " + i);
                assertTrue(report.full());
                assertEquals(machine.hardwareId(), report.identity().hardwareId());
            }
        }
    }

    @Test
    void machinesChangeOverTime() {
        int softwareChanges = 0;
        int sessionChanges = 0;
        int restartChanges = 0;
        int osChanges = 0;
        for (int i = 0; i < 100; i++) {
            SimulatedMachine machine = new SimulatedMachine(SEED, i);
            InventoryReport previous = machine.inventoryAt(T);
            for (int hours = 4; hours <= 24 * 30; hours += 4) {
                InventoryReport now = machine.inventoryAt(T.plus(Duration.ofHours(hours)));
                InventoryReport diff = InventoryDiff.between(previous, now).orElse(null);
                if (diff != null) {
                    softwareChanges += diff.software() == null ? 0 : 1;
                    sessionChanges += diff.sessions() == null ? 0 : 1;
                    restartChanges += diff.activity() != null
                            && diff.activity().restartPending() != previous.activity().restartPending() ? 1 : 0;
                    osChanges += diff.os() == null ? 0 : 1;
                }
                previous = now;
            }
        }
        System.out.printf("Over 30 days of 100 machines: %d software, %d session, %d restart, %d OS changes%n",
                softwareChanges, sessionChanges, restartChanges, osChanges);

        assertTrue(softwareChanges > 100);
        assertTrue(sessionChanges > 100);
        assertTrue(restartChanges > 10);
        assertTrue(osChanges > 10);
    }

    @Test
    void softwareIsUpdatedInstalledAndRemovedOverTime() {
        int updated = 0;
        int installed = 0;
        int removed = 0;
        for (int i = 0; i < 20; i++) {
            SimulatedMachine machine = new SimulatedMachine(SEED, i);
            Map<String, String> before = versions(machine.inventoryAt(T));
            for (int days = 1; days <= 60; days++) {
                Map<String, String> after = versions(machine.inventoryAt(T.plus(Duration.ofDays(days))));
                for (Map.Entry<String, String> entry : after.entrySet()) {
                    String previous = before.get(entry.getKey());
                    installed += previous == null ? 1 : 0;
                    updated += previous != null && !previous.equals(entry.getValue()) ? 1 : 0;
                }
                removed += (int) before.keySet().stream().filter(name -> !after.containsKey(name)).count();
                before = after;
            }
        }
        System.out.printf("20 machines over 60 days: %d updates, %d installs, %d removals%n", updated, installed,
                removed);

        assertTrue(updated > 200);
        assertTrue(installed > 5);
        assertTrue(removed > 5);
    }

    @Test
    void theEventsOfAWindowDoNotDependOnHowTimeWasCut() {
        SimulatedMachine whole = new SimulatedMachine(SEED, 3, 20);
        SimulatedMachine pieces = new SimulatedMachine(SEED, 3, 20);
        whole.eventsUntil(T);
        pieces.eventsUntil(T);

        List<NewEvent> once = whole.eventsUntil(T.plus(Duration.ofHours(6)));
        List<NewEvent> inPieces = new ArrayList<>();
        for (int minutes = 7; minutes <= 360; minutes += 7) {
            inPieces.addAll(pieces.eventsUntil(T.plus(Duration.ofMinutes(minutes))));
        }
        inPieces.addAll(pieces.eventsUntil(T.plus(Duration.ofHours(6))));

        assertEquals(once, inPieces);
        assertTrue(once.size() > 60, "about 120 events in six hours at 20 per hour: " + once.size());
        assertTrue(once.stream().allMatch(e -> e.occurredAt().isAfter(T)
                && !e.occurredAt().isAfter(T.plus(Duration.ofHours(6)))));
    }

    @Test
    void theFirstCallTellsThatTheAgentStarted() {
        List<NewEvent> first = new SimulatedMachine(SEED, 3).eventsUntil(T);

        assertEquals(1, first.size());
        assertEquals("agent-started", first.get(0).type());
        assertEquals("core", first.get(0).source());
        assertNotNull(first.get(0).id());
    }

    @Test
    void eventsComeAtTheConfiguredRateMostlyInformational() {
        SimulatedMachine machine = new SimulatedMachine(SEED, 11, 3);
        machine.eventsUntil(T);
        List<NewEvent> events = machine.eventsUntil(T.plus(Duration.ofDays(7)));
        Map<EventSeverity, Integer> severities = new EnumMap<>(EventSeverity.class);
        Set<UUID> ids = new HashSet<>();
        Set<String> sources = new HashSet<>();
        for (NewEvent event : events) {
            severities.merge(event.severity(), 1, Integer::sum);
            ids.add(event.id());
            sources.add(event.source());
            assertTrue(event.type().matches("[a-z][a-z-]*"));
            assertTrue(event.description().length() <= 2000);
        }
        System.out.printf("A week at 3 per hour: %d events, %s, sources %s%n", events.size(), severities, sources);

        assertBetween(3 * 168 * 0.85, 3 * 168 * 1.15, events.size());
        assertEquals(events.size(), ids.size(), "every event has its own id");
        assertTrue(severities.get(EventSeverity.INFO) > events.size() * 0.7);
        assertTrue(severities.getOrDefault(EventSeverity.CRITICAL, 0) < events.size() * 0.03);
        assertTrue(sources.contains("core"));
    }

    @Test
    void noEventsAreRepeatedOrInventedForTimeAlreadyReported() {
        SimulatedMachine machine = new SimulatedMachine(SEED, 5, 30);
        machine.eventsUntil(T);
        List<NewEvent> first = machine.eventsUntil(T.plus(Duration.ofHours(1)));

        assertEquals(List.of(), machine.eventsUntil(T.plus(Duration.ofMinutes(30))));
        assertEquals(List.of(), machine.eventsUntil(T.plus(Duration.ofHours(1))));
        assertFalse(first.isEmpty());
    }

    @Test
    void tenThousandMachinesFitInOneJvm() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long before = runtime.totalMemory() - runtime.freeMemory();
        List<SimulatedMachine> fleet = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < 10_000; i++) {
            SimulatedMachine machine = new SimulatedMachine(SEED, i);
            machine.hostFacts("1.0");
            fleet.add(machine);
        }
        long built = System.nanoTime();
        System.gc();
        long used = runtime.totalMemory() - runtime.freeMemory() - before;
        InventoryReport report = fleet.get(9_999).inventoryAt(T);
        System.out.printf("10,000 simulated machines: %d MB retained, built in %d ms, one inventory in %d ms%n",
                used >> 20, (built - start) / 1_000_000, (System.nanoTime() - built) / 1_000_000);

        assertNotNull(report);
        assertTrue(used < 512L << 20, "the fleet takes " + (used >> 20) + " MB");
    }

    @Test
    void softwareEntriesAreRealProductsWithVendorsAndVersions() {
        for (int i = 0; i < 50; i++) {
            for (SoftwareEntry entry : new SimulatedMachine(SEED, i).inventoryAt(T).software().installed()) {
                assertNotNull(entry.vendor(), entry.name());
                assertNotNull(entry.version(), entry.name());
                assertFalse(entry.installedAt().isAfter(T), entry.name());
            }
        }
    }

    private static Map<String, String> versions(InventoryReport report) {
        Map<String, String> versions = new java.util.HashMap<>();
        report.software().installed().forEach(entry -> versions.put(entry.name(), entry.version()));
        return versions;
    }

    private static void assertBetween(double low, double high, double value) {
        assertTrue(value >= low && value <= high, value + " not in [" + low + ", " + high + "]");
    }
}
