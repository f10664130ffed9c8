package org.garrison.gateway.internal.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.garrison.api.agent.AgentState;
import org.garrison.api.agent.ApplicationData;
import org.garrison.api.agent.InstructionResult;
import org.garrison.api.agent.InstructionState;
import org.garrison.api.agent.InstructionStatus;
import org.garrison.api.agent.ItemNotice;
import org.garrison.api.agent.SyncItem;
import org.garrison.api.agent.SyncRequest;
import org.garrison.api.agent.SyncResponse;
import org.garrison.api.device.InventoryReport;
import org.garrison.api.device.SoftwareChanges;
import org.garrison.api.device.SoftwareKey;
import org.garrison.api.event.EventSeverity;
import org.garrison.api.event.NewEvent;
import org.garrison.gateway.internal.AgentIdentity;
import org.garrison.gateway.internal.GatewayRefusal;
import org.garrison.gateway.internal.instructions.InstructionRepository;
import org.garrison.gateway.internal.instructions.InstructionResults;
import org.garrison.gateway.internal.instructions.StoredInstruction;
import org.garrison.gateway.internal.server.AgentJson;
import org.garrison.gateway.internal.server.GatewaySettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SyncServiceTest {

    private static final Instant START = Instant.parse("2026-11-26T12:00:00Z");

    private final TestBed bed = new TestBed();
    private final MutableClock clock = new MutableClock(START);
    private final AgentJson json = new AgentJson();
    private final List<UUID> forgotten = new CopyOnWriteArrayList<>();
    private final List<InstructionStatus> heard = new CopyOnWriteArrayList<>();
    private final AtomicInteger nudges = new AtomicInteger();
    private SyncService service = service(GatewaySettings.defaults());

    private SyncService service(GatewaySettings settings) {
        InstructionResults results = new InstructionResults();
        results.addListener(heard::add);
        return new SyncService(bed.transactions, bed.devices, bed.events, forgotten::add, results,
                nudges::incrementAndGet, settings, clock);
    }

    @AfterEach
    void stop() {
        service.deactivate();
    }

    private SyncResponse sync(AgentIdentity agent, SyncItem... items) throws Exception {
        return syncAsync(agent, new SyncRequest(List.of(items), "1.0.0")).get(20, TimeUnit.SECONDS);
    }

    private CompletableFuture<SyncResponse> syncAsync(AgentIdentity agent, SyncRequest request) {
        clock.advance(Duration.ofSeconds(10));
        return service.sync(agent, () -> json.writeBytes(request), "10.0.0.7");
    }

    private GatewayRefusal refusal(AgentIdentity agent, SyncItem... items) {
        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> syncAsync(agent, new SyncRequest(List.of(items), null)).get(20, TimeUnit.SECONDS));
        return assertInstanceOf(GatewayRefusal.class, failed.getCause());
    }

    private static SyncItem events(long seq, String... types) {
        List<NewEvent> events = new ArrayList<>();
        for (String type : types) {
            events.add(new NewEvent(UUID.randomUUID(), START, null, null, "core", type, EventSeverity.INFO, "",
                    Map.of()));
        }
        return SyncItem.events(seq, events);
    }

    private static SyncItem inventory(long seq, boolean full, SoftwareChanges software) {
        return SyncItem.inventory(seq, new InventoryReport(null, full, null, null, null, null, null, null, null,
                null, software, null, null));
    }

    private static SyncItem conflictingPartial(long seq) {
        return inventory(seq, false, new SoftwareChanges(List.of(), List.of(),
                List.of(new SoftwareKey(TestDevices.CONFLICT, "x"))));
    }

    @Test
    void theFirstSyncCreatesTheDeviceInTheTokensGroupAndAsksForAFullInventory() throws Exception {
        AgentIdentity agent = bed.enroll(AgentState.ACTIVE);
        SyncResponse answer = sync(agent);
        assertNotNull(answer.deviceId());
        assertEquals(answer.deviceId(), bed.deviceOf(agent.agentId()));
        assertEquals(Map.of(answer.deviceId(), agent.groupId()), bed.devices.groupsOf(Set.of(
                answer.deviceId())));
        assertTrue(answer.fullInventory());
        assertEquals(0, answer.storedThrough());
        assertEquals(List.of(agent.agentId()), forgotten);

        SyncResponse again = sync(bed.reloaded(agent));
        assertEquals(answer.deviceId(), again.deviceId());
        assertEquals(1, bed.devices.count());
    }

    @Test
    void aRetriedBatchIsStoredOnceAndAnsweredWithTheSameStoredThrough() throws Exception {
        AgentIdentity agent = bed.enroll(AgentState.ACTIVE);
        SyncItem first = events(1, "agent-started", "agent-clock-skew");
        SyncItem second = SyncItem.applicationData(2, new ApplicationData("endpoint-protection", "threats", START,
                Map.of("count", 3)));
        SyncResponse answer = sync(agent, first, second);
        SyncResponse retried = sync(agent, first, second);
        assertEquals(2, answer.storedThrough());
        assertEquals(2, retried.storedThrough());
        assertEquals(2, bed.events.count());
        assertEquals(1, bed.count("GATEWAY_APPLICATION_DATA"));
        assertEquals("2", bed.column(agent.agentId(), "STORED_THROUGH"));
    }

    @Test
    void itemsAlreadyStoredAreSkippedAndGapsInSequenceNumbersAreAllowed() throws Exception {
        AgentIdentity agent = bed.enroll(AgentState.ACTIVE);
        sync(agent, events(5, "a"));
        SyncResponse answer = sync(agent, events(4, "old"), events(5, "again"), events(9, "new"), events(20, "newer"));
        assertEquals(20, answer.storedThrough());
        assertEquals(3, bed.events.count(), "a, new and newer; 4 and 5 were at or below what was stored");
    }

    @Test
    void itemsOutOfOrderAreRefusedAndNothingIsStored() throws Exception {
        AgentIdentity agent = bed.enroll(AgentState.ACTIVE);
        GatewayRefusal refusal = refusal(agent, events(3, "a"), events(2, "b"));
        assertEquals(400, refusal.status());
        assertEquals("invalid", refusal.code());
        assertEquals("items[1].seq", refusal.errors().get(0).field());
        assertEquals(0, bed.events.count());
        assertNull(bed.deviceOf(agent.agentId()), "a refused sync creates no device either");
    }

    @Test
    void anItemAboutAnotherDeviceIsRefusedAndNothingIsStored() throws Exception {
        AgentIdentity agent = bed.enroll(AgentState.ACTIVE);
        sync(agent);
        UUID someoneElse = UUID.randomUUID();
        SyncItem foreign = SyncItem.events(2, List.of(new NewEvent(UUID.randomUUID(), START, someoneElse, null,
                "core", "x", EventSeverity.INFO, "", Map.of())));
        GatewayRefusal refusal = refusal(bed.reloaded(agent), events(1, "mine"), foreign);
        assertEquals(403, refusal.status());
        assertEquals("foreign-device", refusal.code());
        assertEquals(0, bed.events.count());
        assertEquals("0", bed.column(agent.agentId(), "STORED_THROUGH"));
    }

    @Test
    void aPendingAgentIsRefusedUntilApproved() {
        AgentIdentity agent = bed.enroll(AgentState.PENDING_APPROVAL);
        GatewayRefusal refusal = refusal(agent);
        assertEquals(403, refusal.status());
        assertEquals("approval-pending", refusal.code());
        assertEquals(60, refusal.retryAfterSeconds());
        assertEquals(0, bed.devices.count());
    }

    @Test
    void aPartialReportBeforeAnyFullOneIsANoticeAndTheAnswerAsksForAFullReport() throws Exception {
        AgentIdentity agent = bed.enroll(AgentState.ACTIVE);
        SyncResponse answer = sync(agent, inventory(1, false, null));
        assertEquals(1, answer.storedThrough());
        assertEquals(List.of(SyncStore.INVENTORY_CONFLICT), answer.notices().stream().map(n -> n.code()).toList());
        assertTrue(answer.fullInventory());
        assertEquals(0, bed.devices.reports(answer.deviceId())[1]);

        SyncResponse full = sync(bed.reloaded(agent), inventory(2, true, null), inventory(3, false, null));
        assertFalse(full.fullInventory());
        assertTrue(full.notices().isEmpty());
        assertEquals(1, bed.devices.reports(answer.deviceId())[0]);
        assertEquals(1, bed.devices.reports(answer.deviceId())[1]);
    }

    @Test
    void aPartialReportTheDevicesAreaRefusesLeavesNoTraceAndAsksForAFullReport() throws Exception {
        AgentIdentity agent = bed.enroll(AgentState.ACTIVE);
        UUID device = sync(agent, inventory(1, true, null)).deviceId();
        SyncResponse answer = sync(bed.reloaded(agent), events(2, "before"), conflictingPartial(3),
                events(4, "after"));
        assertEquals(4, answer.storedThrough());
        assertEquals(1, answer.notices().size());
        assertEquals(3, answer.notices().get(0).seq());
        assertEquals(SyncStore.INVENTORY_CONFLICT, answer.notices().get(0).code());
        assertTrue(answer.fullInventory());
        assertEquals(0, bed.devices.reports(device)[1], "the refused report's write was rolled back");
        assertEquals(2, bed.events.count(), "the items around it are stored");
        assertEquals("true", bed.column(agent.agentId(), "FULL_INVENTORY_WANTED"));

        SyncResponse afterFull = sync(bed.reloaded(agent), inventory(5, true, null));
        assertFalse(afterFull.fullInventory());
        assertEquals("false", bed.column(agent.agentId(), "FULL_INVENTORY_WANTED"));
    }

    @Test
    void twoConcurrentFirstSyncsOfOneAgentCreateOneDevice() throws Exception {
        for (int round = 0; round < 5; round++) {
            AgentIdentity agent = bed.enroll(AgentState.ACTIVE);
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<SyncResponse>> answers = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                PendingSync pending = pending(agent, new SyncRequest(List.of(), null));
                answers.add(pending.answer());
                Thread thread = new Thread(() -> {
                    try {
                        start.await();
                        service.storeGroup(List.of(pending));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                threads.add(thread);
                thread.start();
            }
            start.countDown();
            for (Thread thread : threads) {
                thread.join(20_000);
            }
            UUID first = answers.get(0).get(5, TimeUnit.SECONDS).deviceId();
            assertEquals(first, answers.get(1).get(5, TimeUnit.SECONDS).deviceId());
            assertEquals(first, bed.deviceOf(agent.agentId()));
        }
        assertEquals(5, bed.devices.count());
    }

    @Test
    void aDeletedDeviceIsCreatedAgainWithAFullInventoryWanted() throws Exception {
        AgentIdentity agent = bed.enroll(AgentState.ACTIVE);
        UUID first = sync(agent, inventory(1, true, null)).deviceId();
        bed.devices.delete(first);
        SyncResponse answer = sync(bed.reloaded(agent));
        assertNotNull(answer.deviceId());
        assertFalse(first.equals(answer.deviceId()));
        assertTrue(answer.fullInventory());
        assertEquals(1, bed.devices.count());
    }

    @Test
    void aBadSyncInAGroupFailsAloneAndTheOthersAreStored() throws Exception {
        AgentIdentity one = bed.enroll(AgentState.ACTIVE);
        AgentIdentity bad = bed.enroll(AgentState.ACTIVE);
        AgentIdentity three = bed.enroll(AgentState.ACTIVE);
        PendingSync first = pending(one, new SyncRequest(List.of(events(1, "ok")), null));
        SyncItem foreign = SyncItem.events(2, List.of(new NewEvent(UUID.randomUUID(), START, UUID.randomUUID(), null,
                "core", "x", EventSeverity.INFO, "", Map.of())));
        PendingSync refused = pending(bad, new SyncRequest(List.of(events(1, "fine"), foreign), null));
        PendingSync last = pending(three, new SyncRequest(List.of(events(7, "ok", "ok")), null));
        service.storeGroup(List.of(first, refused, last));

        assertEquals(1, first.answer().get(5, TimeUnit.SECONDS).storedThrough());
        assertEquals(7, last.answer().get(5, TimeUnit.SECONDS).storedThrough());
        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> refused.answer().get(5, TimeUnit.SECONDS));
        GatewayRefusal refusal = assertInstanceOf(GatewayRefusal.class, failed.getCause());
        assertEquals(403, refusal.status());
        assertEquals(3, bed.events.count());
        assertEquals("0", bed.column(bad.agentId(), "STORED_THROUGH"));
        assertNull(bed.deviceOf(bad.agentId()));
        assertEquals(2, bed.devices.count());
    }

    @Test
    void eventsTheEventStoreRefusesAreLeftOutWithANoticeAndTheirNeighboursAreStored() throws Exception {
        AgentIdentity agent = bed.enroll(AgentState.ACTIVE);
        SyncResponse answer = sync(agent, events(1, "fine"), events(2, "ok", TestEvents.REFUSED_TYPE, "ok"),
                events(3, TestEvents.REFUSED_TYPE));
        assertEquals(3, answer.storedThrough(), "every item is acknowledged: sending them again cannot help");
        assertEquals(3, bed.events.count());
        assertEquals(List.of(2L, 3L), answer.notices().stream().map(ItemNotice::seq).toList());
        ItemNotice notice = answer.notices().get(0);
        assertEquals(SyncStore.EVENT_REFUSED, notice.code());
        assertTrue(notice.message().contains("items[1].events[1].type is refused"), notice.message());
    }

    @Test
    void syncsOfManyAgentsStoredTogetherEachGetTheirOwnAnswer() throws Exception {
        List<PendingSync> group = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            group.add(pending(bed.enroll(AgentState.ACTIVE), new SyncRequest(List.of(events(i + 1, "x")), null)));
        }
        service.storeGroup(group);
        for (int i = 0; i < group.size(); i++) {
            SyncResponse answer = group.get(i).answer().get(5, TimeUnit.SECONDS);
            assertEquals(i + 1, answer.storedThrough());
            assertEquals(bed.deviceOf(group.get(i).agent().agentId()), answer.deviceId());
        }
        assertEquals(40, bed.events.count());
    }

    @Test
    void heartbeatsAreWrittenInBulkWhenFlushedNotWhenAnswered() throws Exception {
        AgentIdentity agent = bed.enroll(AgentState.ACTIVE);
        UUID device = sync(agent).deviceId();
        sync(bed.reloaded(agent));
        assertNull(bed.devices.lastVisible(device));
        assertNull(bed.column(agent.agentId(), "LAST_SYNC_AT"));

        service.flushHeartbeats();
        assertEquals(clock.instant(), bed.devices.lastVisible(device));
        assertNotNull(bed.column(agent.agentId(), "LAST_SYNC_AT"));
        assertEquals("10.0.0.7", bed.column(agent.agentId(), "LAST_ADDRESS"));
        assertEquals("1.0.0", bed.column(agent.agentId(), "AGENT_VERSION"));
    }

    @Test
    void instructionsAreDeliveredUntilTheirFinalResultAndResultsReachTheListeners() throws Exception {
        AgentIdentity agent = bed.enroll(AgentState.ACTIVE);
        UUID device = sync(agent).deviceId();
        agent = bed.reloaded(agent);
        UUID instruction = queue(device, null);

        SyncResponse delivered = sync(agent);
        assertEquals(List.of(instruction), delivered.instructions().stream().map(i -> i.id()).toList());
        assertEquals(InstructionState.DELIVERED, stateOf(instruction));

        SyncResponse running = sync(agent, SyncItem.instructionResult(1, new InstructionResult(instruction,
                InstructionState.RUNNING, START, null, null)));
        assertEquals(1, running.instructions().size(), "still delivered until a final result");
        SyncResponse done = sync(agent, SyncItem.instructionResult(2, new InstructionResult(instruction,
                InstructionState.SUCCEEDED, START, null, Map.of("files", 3))));
        assertTrue(done.instructions().isEmpty());
        assertEquals(List.of(InstructionState.RUNNING, InstructionState.SUCCEEDED),
                heard.stream().map(InstructionStatus::state).toList());
        assertEquals(Map.of("files", 3), heard.get(1).result());
    }

    @Test
    void anInstructionPastItsExpiryFailsInsteadOfBeingDelivered() throws Exception {
        AgentIdentity agent = bed.enroll(AgentState.ACTIVE);
        UUID device = sync(agent).deviceId();
        UUID instruction = queue(device, clock.instant().plusSeconds(5));
        SyncResponse answer = sync(bed.reloaded(agent));
        assertTrue(answer.instructions().isEmpty());
        assertEquals(InstructionState.FAILED, stateOf(instruction));
        assertEquals("expired", heard.get(0).message());
    }

    @Test
    void aResultForAnInstructionOfAnotherDeviceIsAnUnknownInstructionNotice() throws Exception {
        AgentIdentity agent = bed.enroll(AgentState.ACTIVE);
        AgentIdentity other = bed.enroll(AgentState.ACTIVE);
        sync(agent);
        UUID othersInstruction = queue(sync(other).deviceId(), null);
        SyncResponse answer = sync(bed.reloaded(agent), SyncItem.instructionResult(1, new InstructionResult(
                othersInstruction, InstructionState.SUCCEEDED, START, null, null)));
        assertEquals(1, answer.storedThrough());
        assertEquals("unknown-instruction", answer.notices().get(0).code());
        assertEquals(InstructionState.PENDING, stateOf(othersInstruction));
    }

    @Test
    void applicationDataIsStoredWithTheSyncAndTheDispatcherIsNudged() throws Exception {
        AgentIdentity agent = bed.enroll(AgentState.ACTIVE);
        sync(agent, SyncItem.applicationData(1, new ApplicationData("device-control", "blocked", START,
                Map.of("usb", true))));
        assertEquals(1, bed.count("GATEWAY_APPLICATION_DATA"));
        assertEquals(1, nudges.get());
    }

    @Test
    void anAgentSyncingFasterThanItsBurstAllowsIsAnswered429() throws Exception {
        AgentIdentity agent = bed.enroll(AgentState.ACTIVE);
        for (int i = 0; i < GatewaySettings.defaults().syncBurst(); i++) {
            service.sync(agent, () -> json.writeBytes(new SyncRequest(List.of(), null)), "10.0.0.7")
                    .get(10, TimeUnit.SECONDS);
        }
        GatewayRefusal refusal = assertThrows(GatewayRefusal.class,
                () -> service.sync(agent, () -> json.writeBytes(new SyncRequest(List.of(), null)), "10.0.0.7"));
        assertEquals(429, refusal.status());
        assertEquals("too-many-requests", refusal.code());
        assertTrue(refusal.retryAfterSeconds() >= 1);
    }

    @Test
    void aFullGatewayAnswers503BeforeReadingTheBody() throws Exception {
        service.deactivate();
        GatewaySettings tiny = new GatewaySettings(true, "127.0.0.1", 0, 300, 20, 1 << 20, 1000, 1, 0, 10, 240, 0,
                10, 7, 5, 5);
        service = service(tiny);
        AgentIdentity one = bed.enroll(AgentState.ACTIVE);
        AgentIdentity two = bed.enroll(AgentState.ACTIVE);
        AtomicInteger bodiesRead = new AtomicInteger();
        GatewayRefusal[] inner = new GatewayRefusal[1];
        CompletableFuture<SyncResponse> first = service.sync(one, () -> {
            // while the first sync holds the only place, a second one is turned away
            inner[0] = assertThrows(GatewayRefusal.class, () -> service.sync(two, () -> {
                bodiesRead.incrementAndGet();
                return new byte[0];
            }, "10.0.0.8"));
            return json.writeBytes(new SyncRequest(List.of(), null));
        }, "10.0.0.7");
        assertNotNull(first.get(20, TimeUnit.SECONDS).deviceId());
        assertEquals(503, inner[0].status());
        assertEquals("overloaded", inner[0].code());
        assertTrue(inner[0].retryAfterSeconds() >= SyncAdmission.OVERLOADED_RETRY_SECONDS);
        assertEquals(0, bodiesRead.get());
        assertNotNull(service.sync(two, () -> json.writeBytes(new SyncRequest(List.of(), null)), "10.0.0.8")
                .get(20, TimeUnit.SECONDS).deviceId(), "the place is free again once the first is answered");
    }

    @Test
    void aMalformedBodyIsRefusedAsMalformed() {
        AgentIdentity agent = bed.enroll(AgentState.ACTIVE);
        for (String body : List.of("{", "[]", "{\"items\": 3}", "{\"items\": [{\"seq\": \"one\", \"kind\": "
                + "\"EVENTS\"}]}", "{\"items\": [{\"seq\": 1, \"kind\": 2}]}", "null",
                "{\"unknown\": " + "[".repeat(5000) + "]".repeat(5000) + ", \"items\": []}")) {
            clock.advance(Duration.ofSeconds(10));
            ExecutionException failed = assertThrows(ExecutionException.class, () -> service.sync(agent,
                    body::getBytes, "10.0.0.7").get(20, TimeUnit.SECONDS), body);
            GatewayRefusal refusal = assertInstanceOf(GatewayRefusal.class, failed.getCause(), body);
            assertEquals(400, refusal.status(), body);
            assertEquals("malformed", refusal.code(), body);
        }
        assertEquals(0, bed.devices.count());
    }

    @Test
    void theAnswerSpreadsTheNextSyncAndAsksForRenewalAfterRenewAfter() throws Exception {
        AgentIdentity agent = bed.enroll(AgentState.ACTIVE);
        AgentIdentity due = new AgentIdentity(agent.agentId(), agent.state(), null, agent.groupId(),
                agent.hardwareId(), agent.hostname(), agent.certificateSerial(), START);
        SyncResponse answer = sync(due);
        assertTrue(answer.renewCertificate());
        assertTrue(answer.nextSyncIn() >= 240 && answer.nextSyncIn() <= 360 * 3, "" + answer.nextSyncIn());
        assertEquals(clock.instant(), answer.serverTime());
        assertFalse(sync(bed.reloaded(agent)).renewCertificate());
    }

    private PendingSync pending(AgentIdentity agent, SyncRequest request) {
        return new PendingSync(agent, request, "10.0.0.9", 100, new CompletableFuture<>());
    }

    private UUID queue(UUID device, Instant expiresAt) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        bed.transactions.runInTransaction(c -> new InstructionRepository(json).insert(c, List.of(
                new StoredInstruction(id, device, "refresh-inventory", null, Map.of(), "task-1",
                        InstructionState.PENDING, null, null, now, now, expiresAt))));
        if (expiresAt != null) {
            clock.advance(Duration.ofSeconds(60));
        }
        return id;
    }

    private InstructionState stateOf(UUID instruction) {
        return bed.transactions.inTransaction(c -> new InstructionRepository(json).find(c, instruction)).orElseThrow()
                .state();
    }
}
