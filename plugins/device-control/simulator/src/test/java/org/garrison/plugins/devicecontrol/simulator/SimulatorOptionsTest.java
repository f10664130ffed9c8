package org.garrison.plugins.devicecontrol.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class SimulatorOptionsTest {

    @Test
    void defaultsTalkToTheLocalAgentWithNoDevicesUntilStopped() {
        SimulatorOptions options = SimulatorOptions.parse();
        assertEquals("http://127.0.0.1:13001", options.bridge().toString());
        assertEquals(Path.of("/var/lib/garrison-agent/bridge.secret"), options.secretFile());
        assertEquals(Duration.ZERO, options.duration());
        assertNull(options.cycle(), "no random devices unless asked");
        assertEquals(List.of(), options.attach());
        assertEquals(System.getProperty("user.name"), options.user());
    }

    @Test
    void everyOptionIsRead() {
        SimulatorOptions options = SimulatorOptions.parse("--bridge", "http://127.0.0.1:14001/", "--data-dir",
                "/tmp/agent", "--seed", "7", "--rate", "30", "--duration", "90", "--poll", "2", "--policy-poll", "3",
                "--attach", "usb-stick", "--attach", "printer,serial=PRN-1", "--user", "CORP\\alice");
        assertEquals("http://127.0.0.1:14001", options.bridge().toString());
        assertEquals(Path.of("/tmp/agent/bridge.secret"), options.secretFile());
        assertEquals(7, options.seed());
        assertEquals(Duration.ofSeconds(2), options.cycle());
        assertEquals(Duration.ofSeconds(90), options.duration());
        assertEquals(Duration.ofSeconds(2), options.pollInterval());
        assertEquals(Duration.ofSeconds(3), options.policyInterval());
        assertEquals(List.of("usb-stick", "printer,serial=PRN-1"), options.attach());
        assertEquals("CORP\\alice", options.user());
        assertNull(SimulatorOptions.parse("--user", "none").user());
    }

    @Test
    void badOptionsAreRefusedWithTheReason() {
        assertTrue(message("--rate", "-1").contains("--rate"));
        assertTrue(message("--seed").contains("needs a value"));
        assertTrue(message("--bridge", "https://example.org").contains("http://"));
        assertTrue(message("--colour", "red").contains("Unknown option"));
        assertTrue(message("--attach", "toaster").contains("usb-stick"));
        assertTrue(message("--attach", "usb-stick,vendor=XYZ").contains("four hex digits"));
        assertTrue(message("--attach", "usb-stick,colour=red").contains("unknown key"));
        assertTrue(message("--attach", "class=toaster,bus=usb,name=T").contains("class must be"));
        assertThrows(SimulatorOptions.HelpRequested.class, () -> SimulatorOptions.parse("--help"));
    }

    private static String message(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> SimulatorOptions.parse(args)).getMessage();
    }
}
