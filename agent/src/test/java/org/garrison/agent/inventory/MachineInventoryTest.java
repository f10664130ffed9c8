package org.garrison.agent.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.garrison.api.agent.HostFacts;
import org.garrison.api.device.InventoryReport;
import org.garrison.api.device.OsType;
import org.garrison.api.device.SoftwareEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The inventory of the machine the tests run on (a Debian system in the project's build environment). */
@EnabledOnOs(OS.LINUX)
class MachineInventoryTest {

    private final MachineInventory machine = new MachineInventory();

    @Test
    void aFullReportDescribesThisLinuxMachine() {
        long start = System.nanoTime();
        InventoryReport report = machine.collect();
        System.out.printf("MachineInventory.collect() took %d ms: %d software entries, %d hardware components%n",
                (System.nanoTime() - start) / 1_000_000, report.software().installed().size(),
                report.hardware().size());

        assertTrue(report.full());
        assertNull(report.deviceId());
        assertEquals(OsType.LINUX, report.os().type());
        assertNotNull(report.os().name());
        assertEquals(machine.hardwareId(), report.identity().hardwareId());
        assertNotNull(report.identity().dnsName());
        assertNotNull(report.activity().poweredOnAt());
        assertTrue(report.activity().poweredOnAt().isBefore(report.activity().lastVisible()));
        assertTrue(report.hardware().stream().anyMatch(component -> component.category().equals("processor")));
        assertTrue(report.hardware().stream().anyMatch(component -> component.category().equals("memory")));
        assertTrue(report.users().stream().anyMatch(user -> user.name().equals("root")));
        assertNotNull(report.sessions());
        assertNull(report.applications(), "managed applications report themselves through the bridge");
        assertEquals(List.of(), ServerInventoryRules.problems(report));
    }

    @Test
    void theSoftwareRegistryListsTheDpkgPackages() {
        Optional<SoftwareEntry> bash = machine.collect().software().installed().stream()
                .filter(entry -> entry.name().equals("bash")).findFirst();

        assertTrue(Files.exists(Path.of("/var/lib/dpkg/status")), "this test expects a Debian-like system");
        assertTrue(bash.isPresent());
        assertNotNull(bash.get().version());
        assertNotNull(bash.get().vendor());
        assertFalse(bash.get().vendor().contains("@"), "the maintainer's e-mail address is left out");
        assertNotNull(bash.get().installedAt());
    }

    @Test
    void theHardwareIdIsStableAcrossAgentInstances() {
        String id = machine.hardwareId();

        assertEquals(64, id.length());
        assertEquals(id, new MachineInventory().hardwareId());
    }

    @Test
    void twoCollectionsInARowDifferAtMostInTheLastVisibleTime() {
        InventoryReport first = machine.collect();
        InventoryReport second = machine.collect();

        assertEquals(Optional.empty(), InventoryDiff.between(first, second));
    }

    @Test
    void hostFactsNameTheMachineAndTheAgent() {
        HostFacts facts = machine.hostFacts("1.2.3");

        assertFalse(facts.hostname().isBlank());
        assertEquals(OsType.LINUX, facts.osType());
        assertEquals("1.2.3", facts.agentVersion());
        assertNotNull(facts.architecture());
    }
}
