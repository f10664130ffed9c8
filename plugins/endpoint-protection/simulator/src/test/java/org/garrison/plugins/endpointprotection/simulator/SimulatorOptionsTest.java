package org.garrison.plugins.endpointprotection.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class SimulatorOptionsTest {

    @Test
    void defaultsTalkToTheLocalAgentUntilStopped() {
        SimulatorOptions options = SimulatorOptions.parse();
        assertEquals("http://127.0.0.1:13001", options.bridge().toString());
        assertEquals(Path.of("/var/lib/garrison-agent/bridge.secret"), options.secretFile());
        assertEquals(Duration.ZERO, options.duration());
        assertEquals(Duration.ofSeconds(10), options.cycle());
        assertNull(options.databasesAgeDays());
    }

    @Test
    void everyOptionIsRead() {
        SimulatorOptions options = SimulatorOptions.parse("--bridge", "http://127.0.0.1:14001/", "--data-dir",
                "/tmp/agent", "--seed", "7", "--rate", "30", "--duration", "90", "--databases-age-days", "9",
                "--poll", "2", "--scan-seconds", "1");
        assertEquals("http://127.0.0.1:14001", options.bridge().toString());
        assertEquals(Path.of("/tmp/agent/bridge.secret"), options.secretFile());
        assertEquals(7, options.seed());
        assertEquals(Duration.ofSeconds(2), options.cycle());
        assertEquals(Duration.ofSeconds(90), options.duration());
        assertEquals(9, options.databasesAgeDays());
        assertEquals(Duration.ofSeconds(2), options.pollInterval());
        assertEquals(Duration.ofSeconds(1), options.scanDuration());
        assertEquals(Path.of("/run/secret"), SimulatorOptions.parse("--secret-file", "/run/secret").secretFile());
    }

    @Test
    void badOptionsAreRefusedWithTheReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SimulatorOptions.parse("--rate", "0"))
                .getMessage().contains("--rate"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SimulatorOptions.parse("--seed"))
                .getMessage().contains("needs a value"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SimulatorOptions.parse("--bridge",
                "https://example.org")).getMessage().contains("http://"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SimulatorOptions.parse("--colour", "red"))
                .getMessage().contains("Unknown option"));
        assertThrows(SimulatorOptions.HelpRequested.class, () -> SimulatorOptions.parse("--help"));
    }
}
