package org.garrison.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.garrison.api.agent.SyncItem;
import org.garrison.api.agent.SyncRequest;
import org.garrison.api.event.NewEvent;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Agents keep syncing while the server process is killed with SIGKILL and started again: afterwards every event the
 * agents produced is stored exactly once — nothing acknowledged is lost, nothing retried is stored twice.
 */
public class AgentReliabilityIT {

    private static final int AGENTS = 6;
    private static final int ITEMS_PER_AGENT = 40;
    private static final int EVENTS_PER_ITEM = 20;

    @Test
    public void everyEventIsStoredExactlyOnceAcrossAServerKill() throws Exception {
        try (ServerProcess server = new ServerProcess(ServerProcess.unpacked("reliability"))) {
            server.chooseAdminPassword(Api.ADMIN_PASSWORD);
            server.start();
            Api api = server.httpsApi();
            ExecutorService pool = Executors.newFixedThreadPool(AGENTS);
            try {
                api.awaitStatus("/api/v1/health", 200, server.startTimeout());
                assertEquals(201, api.signIn("admin", Api.ADMIN_PASSWORD).statusCode());
                api.awaitStatus("/api/v1/enrollment-tokens", 200, server.startTimeout());
                String token = AgentGatewayIT.createToken(api,
                        "{\"name\":\"reliability\",\"maxUses\":" + AGENTS + "}");
                AtomicInteger acknowledged = new AtomicInteger();
                List<SimulatedAgent> agents = new ArrayList<>();
                List<Future<?>> running = new ArrayList<>();
                for (int i = 0; i < AGENTS; i++) {
                    TestAgent agent = new TestAgent(server.gateway(), "reliability-" + i + "-" + UUID.randomUUID());
                    assertEquals(200, AgentGatewayIT.awaitGateway(agent, token).statusCode());
                    SimulatedAgent simulated = new SimulatedAgent(agent, acknowledged);
                    agents.add(simulated);
                    running.add(pool.submit(() -> {
                        simulated.run();
                        return null;
                    }));
                }
                awaitAcknowledged(acknowledged, AGENTS * ITEMS_PER_AGENT / 3, Duration.ofMinutes(3));
                server.killHard();
                Thread.sleep(1_000);
                server.start();
                api.awaitStatus("/api/v1/health", 200, server.startTimeout());
                for (Future<?> agent : running) {
                    agent.get(5, TimeUnit.MINUTES);
                }
                int total = 0;
                for (SimulatedAgent agent : agents) {
                    Set<String> stored = AgentGatewayIT.eventIds(api, agent.deviceId);
                    assertEquals("every event of " + agent.deviceId + " stored exactly once", agent.produced, stored);
                    total += stored.size();
                }
                assertEquals(AGENTS * ITEMS_PER_AGENT * EVENTS_PER_ITEM, total);
                assertTrue("the kill happened while agents were still sending: some syncs failed and were retried",
                        agents.stream().mapToInt(agent -> agent.failedSyncs).sum() > 0);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\nserver output:\n" + server.output(), e);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static void awaitAcknowledged(AtomicInteger acknowledged, int target, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (acknowledged.get() < target) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("only " + acknowledged.get() + " items were acknowledged in " + timeout);
            }
            Thread.sleep(100);
        }
    }

    /** An agent with an outbox in memory: items leave it only once the gateway acknowledged them. */
    private static final class SimulatedAgent {

        private final TestAgent agent;
        private final AtomicInteger acknowledged;
        private final List<SyncItem> outbox = new ArrayList<>();
        private final Set<String> produced = new HashSet<>();
        private long nextSeq = 1;
        private int failedSyncs;
        private UUID deviceId;

        SimulatedAgent(TestAgent agent, AtomicInteger acknowledged) {
            this.agent = agent;
            this.acknowledged = acknowledged;
        }

        void run() throws Exception {
            outbox.add(SyncItem.inventory(nextSeq++, AgentGatewayIT.fullInventory()));
            int items = 0;
            Instant deadline = Instant.now().plus(Duration.ofMinutes(8));
            while (items < ITEMS_PER_AGENT || !outbox.isEmpty()) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("agent " + deviceId + " could not deliver its outbox");
                }
                if (items < ITEMS_PER_AGENT) {
                    List<NewEvent> events = AgentGatewayIT.events(EVENTS_PER_ITEM);
                    events.forEach(event -> produced.add(event.id().toString()));
                    outbox.add(SyncItem.events(nextSeq++, events));
                    items++;
                }
                if (!sync()) {
                    Thread.sleep(250);
                }
            }
        }

        private boolean sync() throws Exception {
            HttpResponse<String> answer;
            try {
                answer = agent.sync(new SyncRequest(List.copyOf(outbox), null));
            } catch (java.io.IOException e) {
                failedSyncs++;
                return false;
            }
            if (answer.statusCode() != 200) {
                assertTrue("only a busy or restarting server may refuse: " + answer.statusCode() + " " + answer.body(),
                        answer.statusCode() == 429 || answer.statusCode() >= 500);
                if (answer.statusCode() >= 500) {
                    failedSyncs++;
                }
                return false;
            }
            JsonNode body = AgentGatewayIT.json(answer);
            deviceId = UUID.fromString(body.path("deviceId").asText());
            long storedThrough = body.path("storedThrough").asLong();
            int before = outbox.size();
            outbox.removeIf(item -> item.seq() <= storedThrough);
            acknowledged.addAndGet(before - outbox.size());
            return true;
        }
    }
}
