package org.garrison.agent.sync;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.garrison.agent.enrollment.Enrollment;
import org.garrison.agent.enrollment.EnrollmentFailedException;
import org.garrison.agent.identity.AgentIdentity;
import org.garrison.agent.identity.AgentRecord;
import org.garrison.agent.identity.GatewayTls;
import org.garrison.agent.identity.IdentityStore;
import org.garrison.agent.outbox.Outbox;
import org.garrison.agent.outbox.OutboxEntry;
import org.garrison.agent.transport.GatewayChannel;
import org.garrison.agent.transport.GatewayChannels;
import org.garrison.agent.transport.GatewayException;
import org.garrison.agent.transport.GatewayRefusal;
import org.garrison.api.agent.Instruction;
import org.garrison.api.agent.InstructionResult;
import org.garrison.api.agent.InstructionState;
import org.garrison.api.agent.ItemNotice;
import org.garrison.api.agent.SyncResponse;
import org.garrison.api.agent.WakeResponse;
import org.garrison.api.event.EventSeverity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One enrolled agent talking to the gateway: it sends its outbox in batches, drops what the server acknowledged,
 * acts on the answer (instructions, full inventory, renewal, clock skew) and renews its certificate when due. It
 * decides nothing about timing: the real agent's {@link SyncLoop} and the simulator call {@link #sync()} when they see
 * fit. Safe for one syncing thread plus the wake channel and the local bridge.
 */
public final class AgentSession implements Closeable {

    /** At most this many items per request (protocol). */
    public static final int MAX_BATCH_ITEMS = 1000;
    /** At most this many bytes of items per request (the gateway takes 8 MiB bodies). */
    public static final long MAX_BATCH_BYTES = 4L * 1024 * 1024;
    /**
     * The wait before a follow-up sync (items left, {@code sync-now}): the gateway's least spacing between two syncs
     * of one agent ({@code minSyncSpacing}, 2 s by default); a closer one is answered 429 with Retry-After.
     */
    public static final Duration FOLLOW_UP = Duration.ofSeconds(2);
    static final Duration SKEW_TOLERANCE = Duration.ofMinutes(5);
    /** After a failed renewal the old certificate (valid for months more) is used an hour before trying again. */
    static final Duration RENEWAL_RETRY = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(AgentSession.class);

    private final IdentityStore store;
    private final GatewayChannels channels;
    private final Enrollment enrollment;
    private final Outbox outbox;
    private final AgentReports reports;
    private final InventoryTracker inventory;
    private final InstructionJournal journal;
    private final HeldPolicies policies;
    private final Clock clock;
    private final String agentVersion;
    private final SyncRequestWriter requests;
    private final ApplicationInstructions applicationInstructions = new ApplicationInstructions();
    private final URI server;

    private volatile AgentRecord record;
    private volatile AgentIdentity identity;
    private volatile GatewayChannel syncChannel;
    private volatile GatewayChannel wakeChannel;
    private volatile UUID deviceId;
    private volatile boolean renewRequested;
    private volatile boolean skewReported;
    private Instant nextRenewalAttempt = Instant.MIN;
    private int batchLimit = MAX_BATCH_ITEMS;

    public AgentSession(IdentityStore store, AgentRecord record, AgentIdentity identity, GatewayChannels channels,
            Enrollment enrollment, Outbox outbox, AgentReports reports, InventoryTracker inventory,
            InstructionJournal journal, HeldPolicies policies, Clock clock, String agentVersion) {
        this.store = store;
        this.record = record;
        this.identity = identity;
        this.channels = channels;
        this.enrollment = enrollment;
        this.outbox = outbox;
        this.reports = reports;
        this.inventory = inventory;
        this.journal = journal;
        this.policies = policies;
        this.clock = clock;
        this.agentVersion = agentVersion;
        this.requests = new SyncRequestWriter(channels.json());
        this.server = URI.create(record.serverUrl());
    }

    /**
     * Syncs once: renews the certificate if due, then sends the oldest batch of the outbox (a heartbeat if it is
     * empty), drops what the server acknowledged and acts on its answer. When items are left (or an instruction asks
     * for it) the outcome says to sync again after {@link #FOLLOW_UP}: the gateway refuses syncs of one agent that
     * come closer together ({@code 429}).
     *
     * @throws GatewayException if the request failed; nothing is dropped from the outbox then
     */
    public SyncOutcome sync() throws GatewayException, IOException {
        renewIfDue();
        List<OutboxEntry> batch = outbox.peek(batchLimit, MAX_BATCH_BYTES);
        SyncResponse response;
        try {
            byte[] request = requests.write(batch, agentVersion, policies.hashes(), policies.tag());
            response = syncChannel().post("/agent/v1/sync", request, SyncResponse.class);
        } catch (GatewayRefusal refusal) {
            if (!isolateRefusedItems(batch, refusal)) {
                throw refusal;
            }
            return new SyncOutcome(deviceId, 0, 0, FOLLOW_UP, true);
        }
        if (!batch.isEmpty() && batchLimit < MAX_BATCH_ITEMS) {
            batchLimit = Math.min(MAX_BATCH_ITEMS, batchLimit * 2);
        }
        int before = outbox.size();
        if (response.storedThrough() > outbox.lastSeq()) {
            outbox.raiseSequenceAbove(response.storedThrough());
        }
        outbox.acknowledge(response.storedThrough());
        int acknowledged = Math.max(0, before - outbox.size());
        boolean syncAgain = handle(response);
        return new SyncOutcome(deviceId, batch.size(), acknowledged,
                Duration.ofSeconds(Math.max(1, response.nextSyncIn())), syncAgain || outbox.size() > 0);
    }

    /**
     * Waits on the wake channel until the server asks for a sync or the poll times out.
     *
     * @param timeoutSeconds how long the server may hold the poll (at most 300)
     */
    public WakeResponse waitForWake(int timeoutSeconds) throws GatewayException {
        GatewayChannel channel = wakeChannel;
        if (channel == null) {
            synchronized (this) {
                if (wakeChannel == null) {
                    wakeChannel = channels.forWake(server, GatewayTls.forAgent(identity, clock));
                }
                channel = wakeChannel;
            }
        }
        return channel.get("/agent/v1/wake?timeout=" + timeoutSeconds, WakeResponse.class);
    }

    /** The instructions waiting for {@code application} that it has not started yet. */
    public List<Instruction> applicationInstructions(String application) {
        return applicationInstructions.forApplication(application);
    }

    /**
     * Queues a managed application's result for one of its instructions.
     *
     * @return whether the instruction is one the agent holds for an application
     */
    public boolean applicationResult(InstructionResult result) throws IOException {
        var instruction = applicationInstructions.get(result.instructionId());
        if (instruction.isEmpty() || instruction.get().application() == null) {
            return false;
        }
        reports.instructionResult(result);
        if (result.state() == InstructionState.RUNNING) {
            applicationInstructions.started(result.instructionId());
        } else {
            journal.markDone(result.instructionId());
            applicationInstructions.finished(result.instructionId());
        }
        return true;
    }

    /** The policy the agent holds for a managed application. */
    public Optional<HeldPolicies.Held> policy(String application) {
        return policies.get(application);
    }

    public AgentReports reports() {
        return reports;
    }

    public InventoryTracker inventory() {
        return inventory;
    }

    public Outbox outbox() {
        return outbox;
    }

    public AgentRecord record() {
        return record;
    }

    /** The device the agent feeds, once a sync has told it. */
    public UUID deviceId() {
        return deviceId;
    }

    /** Closes the connections and the outbox. */
    @Override
    public void close() throws IOException {
        GatewayChannel sync = syncChannel;
        GatewayChannel wake = wakeChannel;
        if (sync != null) {
            sync.close();
        }
        if (wake != null) {
            wake.close();
        }
        outbox.close();
    }

    private synchronized GatewayChannel syncChannel() {
        if (syncChannel == null) {
            syncChannel = channels.forRequests(server, GatewayTls.forAgent(identity, clock));
        }
        return syncChannel;
    }

    /**
     * A batch refused as malformed or invalid is sent again one item at a time, to find the item at fault; an item
     * refused alone can never pass (an agent bug, or data the server will not take) and is dropped with an error in
     * the log, so it does not block the items behind it. A batch too large is halved.
     *
     * @return whether the refusal was handled (the sync goes on)
     */
    private boolean isolateRefusedItems(List<OutboxEntry> batch, GatewayRefusal refusal) throws IOException {
        if (refusal.status() == 413 && batch.size() > 1) {
            batchLimit = Math.max(1, batch.size() / 2);
            return true;
        }
        if (refusal.status() != 400 || batch.isEmpty()) {
            return false;
        }
        if (batch.size() > 1) {
            batchLimit = 1;
            return true;
        }
        OutboxEntry item = batch.get(0);
        LOG.error("The gateway refuses outbox item {} ({}) and always will: dropping it. {} {}", item.seq(),
                item.kind(), refusal.getMessage(), refusal.errors());
        outbox.acknowledge(item.seq());
        return true;
    }

    /** Acts on a sync answer; returns whether to sync again at once. */
    private boolean handle(SyncResponse response) throws IOException {
        deviceId = response.deviceId();
        for (ItemNotice notice : response.notices()) {
            LOG.info("The gateway did not apply item {}: {} ({})", notice.seq(), notice.code(), notice.message());
        }
        checkClock(response.serverTime());
        if (response.renewCertificate()) {
            renewRequested = true;
        }
        boolean syncAgain = false;
        // the server asks in every answer until a full report reaches it: one waiting in the outbox is enough
        boolean fullInventoryQueued = inventory.fullReportWaiting(outbox.acknowledged());
        if (response.fullInventory() && !fullInventoryQueued) {
            inventory.collect(true);
            fullInventoryQueued = true;
        }
        List<Instruction> forApplications = new ArrayList<>();
        for (Instruction instruction : response.instructions()) {
            if (journal.done(instruction.id())) {
                continue;
            }
            if (instruction.expiresAt() != null && instruction.expiresAt().isBefore(clock.instant())) {
                finish(instruction, InstructionState.FAILED, "The instruction expired at " + instruction.expiresAt()
                        + " before the agent received it");
                continue;
            }
            if (instruction.application() != null) {
                forApplications.add(instruction);
                continue;
            }
            switch (instruction.type()) {
                case Instruction.SYNC_NOW -> {
                    finish(instruction, InstructionState.SUCCEEDED, null);
                    syncAgain = true;
                }
                case Instruction.REFRESH_INVENTORY -> {
                    if (!fullInventoryQueued) {
                        inventory.collect(true);
                        fullInventoryQueued = true;
                    }
                    finish(instruction, InstructionState.SUCCEEDED, null);
                }
                default -> finish(instruction, InstructionState.FAILED,
                        "The agent does not know the instruction type '" + instruction.type() + "'");
            }
        }
        applicationInstructions.replace(forApplications);
        if (response.policies() != null) {
            policies.apply(response.policies());
        }
        return syncAgain;
    }

    /** Queues the result first and then marks the instruction done: a crash in between acts on it twice, not never. */
    private void finish(Instruction instruction, InstructionState state, String message) throws IOException {
        reports.instructionResult(new InstructionResult(instruction.id(), state, clock.instant(), message, Map.of()));
        journal.markDone(instruction.id());
    }

    private void checkClock(Instant serverTime) throws IOException {
        if (serverTime == null || skewReported) {
            return;
        }
        Duration skew = Duration.between(serverTime, clock.instant()).abs();
        if (skew.compareTo(SKEW_TOLERANCE) > 0) {
            skewReported = true;
            LOG.warn("This machine's clock is {} s away from the server's", skew.toSeconds());
            reports.coreEvent("agent-clock-skew", EventSeverity.WARNING, "The device's clock is " + skew.toSeconds()
                    + " seconds away from the server's", Map.of("skewSeconds", skew.toSeconds(),
                            "serverTime", serverTime.toString(), "deviceTime", clock.instant().toString()));
        }
    }

    private void renewIfDue() throws GatewayException, IOException {
        Instant now = clock.instant();
        if (!renewRequested && now.isBefore(identity.renewAfter()) || now.isBefore(nextRenewalAttempt)) {
            return;
        }
        AgentIdentity renewed;
        try {
            renewed = enrollment.renew(syncChannel());
        } catch (EnrollmentFailedException e) {
            LOG.warn("Certificate renewal failed, the current certificate stays in use: {}", e.getMessage());
            nextRenewalAttempt = now.plus(RENEWAL_RETRY);
            return;
        } catch (GatewayRefusal refusal) {
            if (refusal.revoked()) {
                throw refusal;
            }
            LOG.warn("Certificate renewal refused, the current certificate stays in use: {}", refusal.getMessage());
            nextRenewalAttempt = now.plus(RENEWAL_RETRY);
            return;
        }
        AgentRecord renewedRecord = new AgentRecord(record.agentId(), record.serverUrl(), record.state(),
                record.enrolledAt(), renewed.renewAfter(), renewed.expiresAt());
        store.save(renewed, renewedRecord);
        synchronized (this) {
            GatewayChannel oldSync = syncChannel;
            GatewayChannel oldWake = wakeChannel;
            identity = renewed;
            record = renewedRecord;
            syncChannel = null;
            wakeChannel = null;
            if (oldSync != null) {
                oldSync.close();
            }
            if (oldWake != null) {
                // the poll waiting on it fails and the wake channel polls again with the new certificate
                oldWake.close();
            }
        }
        renewRequested = false;
        LOG.info("Renewed the agent's certificate; it expires at {}", renewed.expiresAt());
    }
}
