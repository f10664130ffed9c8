package org.garrison.agent.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.garrison.agent.enrollment.Enrollment;
import org.garrison.agent.identity.EnrollmentToken;
import org.garrison.agent.identity.IdentityStore;
import org.garrison.agent.json.AgentJson;
import org.garrison.agent.outbox.OutboxOptions;
import org.garrison.agent.testing.TestGateway;
import org.garrison.agent.testing.TestMachine;
import org.garrison.agent.transport.GatewayChannels;
import org.garrison.agent.transport.GatewayRefusal;
import org.garrison.agent.transport.GatewayUnreachableException;
import org.garrison.agent.transport.ServerNotTrustedException;
import org.garrison.api.agent.Instruction;
import org.garrison.api.agent.InstructionResult;
import org.garrison.api.agent.InstructionState;
import org.garrison.api.agent.SyncItem;
import org.garrison.api.agent.SyncItemKind;
import org.garrison.api.event.EventSeverity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent against a small HTTPS gateway with client certificates: enrollment, sync, exactly once, instructions. */
class AgentSessionTest {

    @TempDir
    Path folder;

    private final Clock clock = Clock.systemUTC();
    private final GatewayChannels channels = new GatewayChannels(AgentJson.newMapper(), "garrison-agent/test",
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(10));
    private final TestMachine machine = new TestMachine("hw-1", "ws-0042");
    private TestGateway gateway;
    private AgentSession session;

    @BeforeEach
    void start() throws IOException {
        gateway = new TestGateway();
    }

    @AfterEach
    void stop() throws IOException {
        if (session != null) {
            session.close();
        }
        gateway.close();
    }

    private AgentSession enrollAndOpen() throws Exception {
        Enrollment.Enrolled enrolled = new Enrollment(channels, clock, "0.1.0")
                .enroll(gateway.address(), EnrollmentToken.parse(gateway.token), machine);
        new IdentityStore(folder, channels.json()).save(enrolled.identity(), enrolled.record());
        return open();
    }

    private AgentSession open() throws IOException {
        session = AgentSessions.open(new SessionSettings(folder, OutboxOptions.DEFAULT_MAX_BYTES, true,
                Duration.ofMinutes(15)), machine, channels, clock, "0.1.0");
        return session;
    }

    private List<SyncItem> stored(SyncItemKind kind) {
        synchronized (gateway.stored) {
            return gateway.stored.stream().filter(item -> item.kind() == kind).toList();
        }
    }

    @Test
    void anEnrolledAgentSyncsAndItsOutboxEmptiesOnceAcknowledged() throws Exception {
        AgentSession agent = enrollAndOpen();
        agent.reports().coreEvent("agent-started", EventSeverity.INFO, "started", Map.of());
        assertTrue(agent.inventory().collect(false));

        SyncOutcome outcome = agent.sync();

        assertEquals(0, agent.outbox().size());
        assertEquals(2, outcome.acknowledged());
        assertEquals(1, stored(SyncItemKind.INVENTORY).size());
        assertTrue(stored(SyncItemKind.INVENTORY).get(0).inventory().full(), "the first report is a full one");
        assertEquals("agent-started", stored(SyncItemKind.EVENTS).get(0).events().get(0).type());
        assertEquals(Duration.ofSeconds(300), outcome.nextSyncIn());
        assertTrue(outcome.deviceId() != null);
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(folder.resolve("identity.p12"))));
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(folder.resolve("identity.password"))));
    }

    @Test
    void anUnchangedInventoryIsNotSentAgainAndAChangeGoesAsAPartialReport() throws Exception {
        AgentSession agent = enrollAndOpen();
        agent.inventory().collect(false);
        assertFalse(agent.inventory().collect(false));
        machine.rename("ws-0043");
        assertTrue(agent.inventory().collect(false));
        agent.sync();
        List<SyncItem> reports = stored(SyncItemKind.INVENTORY);
        assertEquals(2, reports.size());
        assertFalse(reports.get(1).inventory().full());
        assertEquals("ws-0043.test.example", reports.get(1).inventory().identity().dnsName());
    }

    @Test
    void aLostAnswerIsRetriedWithTheSameSequenceNumbersAndStoredOnce() throws Exception {
        AgentSession agent = enrollAndOpen();
        agent.reports().coreEvent("one", EventSeverity.INFO, "one", Map.of());
        agent.reports().coreEvent("two", EventSeverity.WARNING, "two", Map.of());
        gateway.loseAnswers = 1;

        assertThrows(GatewayUnreachableException.class, agent::sync);
        assertEquals(2, agent.outbox().size(), "nothing leaves the outbox unacknowledged");
        agent.sync();

        assertEquals(0, agent.outbox().size());
        List<Long> first = gateway.syncs.get(0).items().stream().map(SyncItem::seq).toList();
        List<Long> retry = gateway.syncs.get(1).items().stream().map(SyncItem::seq).toList();
        assertEquals(first, retry);
        assertEquals(2, gateway.stored.size());
    }

    @Test
    void instructionsAreActedOnOnceEvenAcrossARestart() throws Exception {
        AgentSession agent = enrollAndOpen();
        Instant now = Instant.now();
        Instruction refresh = instruction(Instruction.REFRESH_INVENTORY, null, null);
        Instruction syncNow = instruction(Instruction.SYNC_NOW, null, null);
        Instruction unknown = instruction("format-disk", null, null);
        Instruction expired = instruction(Instruction.REFRESH_INVENTORY, null, now.minusSeconds(60));
        Instruction scan = instruction("full-scan", "endpoint-protection", null);
        gateway.instructions.addAll(List.of(refresh, syncNow, unknown, expired, scan));

        SyncOutcome outcome = agent.sync();
        assertTrue(outcome.syncAgain(), "sync-now asks for another sync");
        syncUntilEmpty(agent);

        Map<UUID, InstructionState> results = results();
        assertEquals(4, results.size());
        assertEquals(InstructionState.SUCCEEDED, results.get(refresh.id()));
        assertEquals(InstructionState.SUCCEEDED, results.get(syncNow.id()));
        assertEquals(InstructionState.FAILED, results.get(unknown.id()));
        assertEquals(InstructionState.FAILED, results.get(expired.id()));
        assertEquals(1, stored(SyncItemKind.INVENTORY).size(), "refresh-inventory queued a full report");
        assertEquals(List.of(scan), agent.applicationInstructions("endpoint-protection"));

        agent.close();
        session = null;
        AgentSession restarted = open();
        syncUntilEmpty(restarted);
        assertEquals(4, stored(SyncItemKind.INSTRUCTION_RESULT).size(), "no instruction is acted on twice");
        assertEquals(1, stored(SyncItemKind.INVENTORY).size());
    }

    @Test
    void anApplicationsResultIsQueuedAndItsInstructionIsNoLongerHandedOut() throws Exception {
        AgentSession agent = enrollAndOpen();
        Instruction scan = instruction("full-scan", "endpoint-protection", null);
        gateway.instructions.add(scan);
        agent.sync();

        assertTrue(agent.applicationResult(new InstructionResult(scan.id(),
                InstructionState.SUCCEEDED, Instant.now(), null, Map.of("threats", 0))));
        assertEquals(List.of(), agent.applicationInstructions("endpoint-protection"));
        assertFalse(agent.applicationResult(new InstructionResult(UUID.randomUUID(),
                InstructionState.SUCCEEDED, Instant.now(), null, Map.of())), "an unknown instruction is refused");
        agent.sync();
        assertEquals(InstructionState.SUCCEEDED, results().get(scan.id()));
        agent.sync();
        assertEquals(List.of(), agent.applicationInstructions("endpoint-protection"),
                "delivered again, but already answered");
    }

    @Test
    void enrollmentRefusesAServerWhoseChainLacksThePinnedCa() {
        String otherPin = "A".repeat(43);
        EnrollmentToken token = EnrollmentToken.parse(gateway.token.substring(0, gateway.token.lastIndexOf('.') + 1)
                + otherPin);
        ServerNotTrustedException e = assertThrows(ServerNotTrustedException.class,
                () -> new Enrollment(channels, clock, "0.1.0").enroll(gateway.address(), token, machine));
        assertTrue(e.pinMismatch());
    }

    @Test
    void anUnknownTokenIsRefusedWithItsCode() {
        EnrollmentToken token = EnrollmentToken.parse("ge1." + "t".repeat(43) + "." + gateway.pin());
        GatewayRefusal refusal = assertThrows(GatewayRefusal.class,
                () -> new Enrollment(channels, clock, "0.1.0").enroll(gateway.address(), token, machine));
        assertEquals(GatewayRefusal.TOKEN_REFUSED, refusal.code());
        assertEquals(403, refusal.status());
    }

    @Test
    void enrollingTheSameMachineAgainKeepsItsAgentId() throws Exception {
        Enrollment enrollment = new Enrollment(channels, clock, "0.1.0");
        EnrollmentToken token = EnrollmentToken.parse(gateway.token);
        UUID first = enrollment.enroll(gateway.address(), token, machine).record().agentId();
        UUID second = enrollment.enroll(gateway.address(), token, machine).record().agentId();
        assertEquals(first, second);
    }

    @Test
    void aRevokedCertificateIsReportedAsSuch() throws Exception {
        AgentSession agent = enrollAndOpen();
        gateway.revoked = true;
        GatewayRefusal refusal = assertThrows(GatewayRefusal.class, agent::sync);
        assertTrue(refusal.revoked());
        assertTrue(SyncFailures.mustEnrollAgain(refusal));
    }

    @Test
    void theAgentRenewsItsCertificateWhenTheServerAsksAndKeepsSyncing() throws Exception {
        AgentSession agent = enrollAndOpen();
        String before = new IdentityStore(folder, channels.json()).load().certificate().getSerialNumber().toString();
        gateway.askRenewal = true;
        agent.sync();
        agent.sync();
        assertEquals(1, gateway.renewals.get());
        String after = new IdentityStore(folder, channels.json()).load().certificate().getSerialNumber().toString();
        assertNotEquals(before, after);
        agent.reports().coreEvent("after-renewal", EventSeverity.INFO, "x", Map.of());
        agent.sync();
        assertEquals(0, agent.outbox().size());
    }

    @Test
    void largeBatchesAreSentGzipped() throws Exception {
        AgentSession agent = enrollAndOpen();
        for (int i = 0; i < 50; i++) {
            agent.reports().coreEvent("event-" + i, EventSeverity.INFO, "x".repeat(100), Map.of());
        }
        agent.sync();
        assertTrue(gateway.gzippedRequests.get() > 0);
        assertEquals(50, stored(SyncItemKind.EVENTS).size());
    }

    @Test
    void aSkewedClockIsReportedOnce() throws Exception {
        AgentSession agent = enrollAndOpen();
        gateway.serverTime = Instant.now().minus(Duration.ofMinutes(20));
        agent.sync();
        agent.sync();
        long skewEvents = stored(SyncItemKind.EVENTS).stream().flatMap(item -> item.events().stream())
                .filter(event -> event.type().equals("agent-clock-skew")).count();
        assertEquals(1, skewEvents);
    }

    @Test
    void theServerAskingForAFullInventoryGetsOne() throws Exception {
        AgentSession agent = enrollAndOpen();
        agent.inventory().collect(false);
        agent.sync();
        gateway.askFullInventory = true;
        agent.sync();
        gateway.askFullInventory = false;
        syncUntilEmpty(agent);
        List<SyncItem> reports = stored(SyncItemKind.INVENTORY);
        assertEquals(2, reports.size());
        assertTrue(reports.get(1).inventory().full());
    }

    /** Syncs as the sync loop does while the outcome says to sync again (without its 2 s pause). */
    private static void syncUntilEmpty(AgentSession agent) throws Exception {
        for (int i = 0; i < 10 && agent.sync().syncAgain(); i++) {
            assertTrue(i < 9, "the agent keeps asking to sync again");
        }
    }

    private Map<UUID, InstructionState> results() {
        Map<UUID, InstructionState> results = new HashMap<>();
        for (SyncItem item : stored(SyncItemKind.INSTRUCTION_RESULT)) {
            results.put(item.instructionResult().instructionId(), item.instructionResult().state());
        }
        return results;
    }

    private static Instruction instruction(String type, String application, Instant expiresAt) {
        return new Instruction(UUID.randomUUID(), type, application, Map.of(), Instant.now(), expiresAt);
    }
}
