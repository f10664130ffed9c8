package org.garrison.agent.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.garrison.api.device.ActivityReport;
import org.garrison.api.device.DeviceIdentity;
import org.garrison.api.device.DeviceNetwork;
import org.garrison.api.device.HardwareComponent;
import org.garrison.api.device.InventoryReport;
import org.garrison.api.device.OperatingSystem;
import org.garrison.api.device.OsType;
import org.garrison.api.device.SoftwareChanges;
import org.garrison.api.device.SoftwareEntry;
import org.garrison.api.device.UserAccount;
import org.garrison.api.device.UserSession;
import org.garrison.api.device.Virtualisation;
import org.junit.jupiter.api.Test;

class ReportLimitsTest {

    private static final String LONG = "x".repeat(2000);
    private static final Instant T = Instant.parse("2026-11-26T08:00:00Z");

    private static InventoryReport unruly() {
        return new InventoryReport(null, true,
                new DeviceIdentity(LONG, null, "  " + LONG, " ", "host.example.com ", LONG),
                new DeviceNetwork("10.0.0.300", "fe80::1%eth0", LONG,
                        List.of("AA-BB-CC-DD-EE-FF", "aa:bb:cc:dd:ee:ff", "00:00:00:00:00:00", "nonsense")),
                new OperatingSystem(OsType.LINUX, LONG, LONG, LONG, LONG, LONG, LONG, LONG),
                new Virtualisation(true, LONG, LONG, false, LONG), new ActivityReport(T, false, T),
                List.of(new UserAccount(" ", null, null, null), new UserAccount(LONG, LONG, LONG, null)),
                List.of(new UserSession("a", null, "console", T.minusSeconds(60), null),
                        new UserSession("b", null, LONG, T, null), new UserSession("c", null, "console", null, null)),
                List.of(new HardwareComponent("Processor", "CPU", " ", "", null, LONG),
                        new HardwareComponent("disk", " ", null, null, null, null)),
                new SoftwareChanges(List.of(new SoftwareEntry(" Firefox ", "Mozilla", "1", null, null),
                        new SoftwareEntry("firefox", "MOZILLA ", "2", null, null),
                        new SoftwareEntry("Firefox", null, " ", null, ""),
                        new SoftwareEntry(" ", "Nobody", "1", null, null),
                        new SoftwareEntry(LONG, "Long", LONG, null, LONG)), null, null),
                null, null);
    }

    @Test
    void aFittedReportPassesTheServersChecks() {
        InventoryReport fitted = ReportLimits.fit(unruly());

        assertEquals(List.of(), ServerInventoryRules.problems(fitted));
        assertTrue(ServerInventoryRules.problems(unruly()).size() > 10, "the unfitted report breaks many rules");
    }

    @Test
    void duplicateSoftwareOfOneNameAndVendorIsMergedIntoTheFirst() {
        List<SoftwareEntry> software = ReportLimits.fit(unruly()).software().installed();

        assertEquals(new SoftwareEntry("Firefox", "Mozilla", "1", null, null), software.get(0));
        assertEquals(new SoftwareEntry("Firefox", null, null, null, null), software.get(1));
        assertEquals(3, software.size());
        assertEquals(255, software.get(2).name().length());
    }

    @Test
    void valuesTakeTheFormTheServerStores() {
        InventoryReport fitted = ReportLimits.fit(unruly());

        assertNull(fitted.identity().dnsDomain());
        assertEquals("host.example.com", fitted.identity().dnsName());
        assertNull(fitted.network().ipv4());
        assertEquals("fe80::1", fitted.network().ipv6());
        assertEquals(List.of("aa:bb:cc:dd:ee:ff"), fitted.network().macAddresses());
        assertEquals(new HardwareComponent("processor", "CPU", null, null, null, "x".repeat(1024)),
                fitted.hardware().get(0));
        assertEquals(1, fitted.hardware().size());
        assertEquals(List.of("b", "a"), fitted.sessions().stream().map(UserSession::accountName).toList(),
                "newest first, without the session that has no start");
        assertEquals(1, fitted.users().size());
    }

    @Test
    void textIsCutWithoutSplittingACharacter() {
        String text = "a".repeat(9) + "\uD83D\uDE00";

        assertEquals("a".repeat(9), ReportLimits.text(text, 10));
        assertEquals(text, ReportLimits.text(text, 11));
    }
}
