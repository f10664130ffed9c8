package org.garrison.agent.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.garrison.agent.identity.EnrollmentToken;
import org.garrison.agent.json.AgentJson;
import org.garrison.agent.testing.TestGateway;
import org.garrison.agent.transport.GatewayChannels;
import org.garrison.api.agent.SyncItem;
import org.garrison.api.agent.SyncItemKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulationTest {

    @TempDir
    Path folder;

    @Test
    void aSmallFleetEnrollsEachAgentOnceAndSyncsOnAFewThreads() throws Exception {
        try (TestGateway gateway = new TestGateway()) {
            SimulationOptions options = new SimulationOptions(gateway.address(), EnrollmentToken.parse(gateway.token),
                    20, 42, Duration.ZERO, Duration.ofSeconds(2), folder, 4, false, Duration.ofMinutes(15),
                    Duration.ofSeconds(6));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Simulation simulation = new Simulation(options, new GatewayChannels(AgentJson.newMapper(),
                    "garrison-agent/test", Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(10)),
                    Clock.systemUTC(), new PrintStream(out, true, StandardCharsets.UTF_8), "0.1.0");
            simulation.run();

            assertEquals(20, simulation.enrolled());
            assertEquals(20, gateway.enrollments.get());
            assertEquals(20, gateway.agentsByHardware.size(), "each simulated machine has its own hardware id");
            Set<String> reportedMachines = new HashSet<>();
            synchronized (gateway.stored) {
                for (SyncItem item : gateway.stored) {
                    if (item.kind() == SyncItemKind.INVENTORY && item.inventory().full()) {
                        reportedMachines.add(item.inventory().identity().hardwareId());
                    }
                }
            }
            assertEquals(20, reportedMachines.size(), "every agent sent its full inventory");
            assertTrue(out.toString().contains("final: enrolled 20/20"), out.toString());
        }
    }
}
