package org.garrison.gateway.internal.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.garrison.api.agent.InstructionStatus;
import org.garrison.api.agent.SyncRequest;
import org.garrison.api.agent.SyncResponse;
import org.garrison.api.device.DeviceService;
import org.garrison.api.event.EventService;
import org.garrison.api.policy.PolicyService;
import org.garrison.api.store.MigratedSchema;
import org.garrison.api.store.Transactions;
import org.garrison.gateway.internal.AgentDirectory;
import org.garrison.gateway.internal.AgentIdentity;
import org.garrison.gateway.internal.GatewayRefusal;
import org.garrison.gateway.internal.appdata.ApplicationDataDispatcher;
import org.garrison.gateway.internal.appdata.ApplicationDataRepository;
import org.garrison.gateway.internal.instructions.InstructionDesk;
import org.garrison.gateway.internal.instructions.InstructionRepository;
import org.garrison.gateway.internal.instructions.InstructionResults;
import org.garrison.gateway.internal.server.AgentJson;
import org.garrison.gateway.internal.server.GatewayConfig;
import org.garrison.gateway.internal.server.GatewaySettings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync path: admits a sync (back-pressure), parses and checks it on a bounded pool, stores it through group
 * commit, and answers it once its transaction committed. Heartbeats are collected and written in bulk.
 */
@Component(service = SyncService.class, configurationPid = GatewayConfig.PID)
public class SyncService {

    /** Syncs stored in one transaction at most. */
    static final int GROUP_MAX_SYNCS = 100;

    /** Body bytes stored in one transaction at most (one bigger sync still goes alone). */
    static final int GROUP_MAX_BYTES = 4 * 1024 * 1024;

    /**
     * Writer threads. One: concurrent writers of inventories contend for shared rows (software counts), and Derby
     * notices a deadlock only after its deadlock timeout; group commit already gives one writer the throughput.
     */
    static final int WRITERS = 1;

    private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);

    private final Transactions transactions;
    private final Consumer<UUID> forgetAgent;
    private final InstructionResults results;
    private final Runnable applicationDataArrived;
    private final Clock clock;
    private final AgentJson json = new AgentJson();
    private final SyncStore store;
    private final HeartbeatCollector heartbeats;
    private final ThreadPoolExecutor parsers;
    private final GroupCommit<PendingSync> writers;
    private final ScheduledExecutorService housekeeping;
    private final SyncAdmission admission;
    private final PolicyDelivery policies = new PolicyDelivery();
    private volatile GatewaySettings settings;
    private volatile SyncValidator validator;
    private volatile ScheduledFuture<?> flushing;

    @Activate
    public SyncService(@Reference Transactions transactions, @Reference DeviceService devices,
            @Reference EventService events, @Reference AgentDirectory directory,
            @Reference InstructionResults results, @Reference ApplicationDataDispatcher dispatcher,
            @Reference(target = "(garrison.schema=gateway)") MigratedSchema schema, GatewayConfig config) {
        this(transactions, devices, events, directory::forget, results, dispatcher::nudge,
                GatewaySettings.of(config), Clock.systemUTC());
    }

    SyncService(Transactions transactions, DeviceService devices, EventService events, Consumer<UUID> forgetAgent,
            InstructionResults results, Runnable applicationDataArrived, GatewaySettings settings, Clock clock) {
        this.transactions = transactions;
        this.forgetAgent = forgetAgent;
        this.results = results;
        this.applicationDataArrived = applicationDataArrived;
        this.clock = clock;
        AgentSyncRepository agents = new AgentSyncRepository();
        this.store = new SyncStore(agents, devices, events,
                new InstructionDesk(new InstructionRepository(json)), new ApplicationDataRepository(json));
        this.heartbeats = new HeartbeatCollector(transactions, devices, agents);
        this.admission = new SyncAdmission(settings.maxConcurrentSyncs() + settings.maxQueuedSyncs(),
                settings.minSyncSpacingSeconds(), settings.syncBurst(), clock);
        apply(settings);
        AtomicInteger parserNumber = new AtomicInteger();
        this.parsers = new ThreadPoolExecutor(settings.maxConcurrentSyncs(), settings.maxConcurrentSyncs(), 60,
                TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> daemon(runnable,
                        "garrison-gateway-sync-" + parserNumber.incrementAndGet()));
        this.parsers.allowCoreThreadTimeOut(true);
        this.writers = new GroupCommit<>("garrison-gateway-writer", WRITERS, GROUP_MAX_SYNCS, GROUP_MAX_BYTES,
                PendingSync::bodyBytes, this::storeTogether, SyncService::fail);
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(
                runnable -> daemon(runnable, "garrison-gateway-heartbeats"));
        this.flushing = scheduleFlush(settings.heartbeatFlushSeconds());
    }

    private ScheduledFuture<?> scheduleFlush(int seconds) {
        return housekeeping.scheduleWithFixedDelay(this::flushHeartbeats, seconds, seconds, TimeUnit.SECONDS);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unsetPolicyService")
    void setPolicyService(PolicyService service) {
        policies.service().set(service);
    }

    void unsetPolicyService(PolicyService service) {
        policies.service().compareAndSet(service, null);
    }

    @Modified
    void modified(GatewayConfig config) {
        GatewaySettings changed = GatewaySettings.of(config);
        if (changed.heartbeatFlushSeconds() != settings.heartbeatFlushSeconds()) {
            flushing.cancel(false);
            flushing = scheduleFlush(changed.heartbeatFlushSeconds());
        }
        apply(changed);
        parsers.setMaximumPoolSize(Math.max(parsers.getMaximumPoolSize(), changed.maxConcurrentSyncs()));
        parsers.setCorePoolSize(changed.maxConcurrentSyncs());
        parsers.setMaximumPoolSize(changed.maxConcurrentSyncs());
    }

    private void apply(GatewaySettings changed) {
        this.settings = changed;
        admission.change(changed.maxConcurrentSyncs() + changed.maxQueuedSyncs(), changed.minSyncSpacingSeconds(),
                changed.syncBurst());
        this.validator = new SyncValidator(changed.maxItems(), json);
    }

    @Deactivate
    void deactivate() {
        writers.close(new GatewayRefusal(503, "overloaded", "The gateway is stopping", 30, List.of()));
        parsers.shutdownNow();
        housekeeping.shutdownNow();
        try {
            heartbeats.flush();
        } catch (RuntimeException e) {
            LOG.warn("Could not write the last {} agents' last-seen times while stopping", heartbeats.waiting(), e);
        }
    }

    /** Reads a request's body; called on the request's thread once the sync is admitted. */
    @FunctionalInterface
    public interface Body {
        byte[] read();
    }

    /**
     * Takes a sync: admits it (or refuses it at once, before its body is read), reads its body on the calling thread
     * and parses, checks and stores it on the gateway's own threads.
     *
     * @return the answer, completed once the sync is stored, or exceptionally with a {@link GatewayRefusal} or
     *         another exception
     * @throws GatewayRefusal {@code 503 overloaded}, {@code 429 too-many-requests}, or a refusal of the body
     */
    public CompletableFuture<SyncResponse> sync(AgentIdentity agent, Body body, String address) {
        SyncAdmission.Ticket ticket = admission.admit(agent.agentId());
        byte[] bytes;
        try {
            bytes = body.read();
        } catch (RuntimeException e) {
            ticket.release();
            throw e;
        }
        CompletableFuture<SyncResponse> answer = new CompletableFuture<>();
        // the caller hears the answer only once the place is free again
        CompletableFuture<SyncResponse> released = answer.whenComplete((response, failure) -> ticket.release());
        try {
            parsers.execute(() -> parseAndQueue(agent, bytes, address, answer));
        } catch (RejectedExecutionException e) {
            answer.completeExceptionally(new GatewayRefusal(503, "overloaded", "The gateway is stopping", 30,
                    List.of()));
        }
        return released;
    }

    private void parseAndQueue(AgentIdentity agent, byte[] bytes, String address,
            CompletableFuture<SyncResponse> answer) {
        try {
            SyncRequest request = json.read(bytes, SyncRequest.class);
            validator.check(request);
            writers.submit(new PendingSync(agent, request, address, bytes.length, answer));
        } catch (RuntimeException e) {
            answer.completeExceptionally(e);
        }
    }

    /** Stores syncs in one transaction, then answers them. Throws, answering none, if the transaction fails. */
    void storeTogether(List<PendingSync> syncs) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<SyncOutcome> outcomes = transactions.inTransaction(connection -> store.store(connection, syncs, now));
        List<InstructionStatus> changed = new ArrayList<>();
        boolean applicationData = false;
        for (SyncOutcome outcome : outcomes) {
            PendingSync sync = outcome.sync();
            if (outcome.deviceCreated()) {
                forgetAgent.accept(sync.agent().agentId());
            }
            heartbeats.seen(new AgentSighting(sync.agent().agentId(), outcome.deviceId(), now, sync.address(),
                    sync.request().agentVersion()));
            changed.addAll(outcome.changed());
            applicationData |= outcome.applicationData();
        }
        if (applicationData) {
            applicationDataArrived.run();
        }
        // listeners hear of results before the agents get their answers, so whoever follows an instruction sees its
        // result no later than the device does
        results.announce(changed);
        for (SyncOutcome outcome : outcomes) {
            deliver(outcome, answer(outcome, now), now);
        }
    }

    /**
     * Answers a stored sync, with the device's policies when they are due: those are computed on a parser thread,
     * so the writer goes on with the next group.
     */
    private void deliver(SyncOutcome outcome, SyncResponse response, Instant now) {
        PendingSync sync = outcome.sync();
        if (!policies.due(sync.request(), now, Duration.ofMinutes(settings.policyRecheckMinutes()))) {
            sync.answer().complete(response);
            return;
        }
        try {
            parsers.execute(() -> sync.answer().complete(
                    response.withPolicies(policies.update(outcome.deviceId(), sync.request(), now))));
        } catch (RejectedExecutionException stopping) {
            sync.answer().complete(response);
        }
    }

    private SyncResponse answer(SyncOutcome outcome, Instant now) {
        GatewaySettings current = settings;
        int next = SyncPacing.nextSyncIn(current.syncIntervalSeconds(), current.jitterPercent(), admission.load(),
                ThreadLocalRandom.current().nextDouble(-1, 1));
        Instant renewAfter = outcome.sync().agent().renewAfter();
        return new SyncResponse(outcome.deviceId(), outcome.storedThrough(), outcome.notices(),
                outcome.instructions(), outcome.fullInventory(), next, renewAfter != null && now.isAfter(renewAfter),
                now);
    }

    private static void fail(PendingSync sync, RuntimeException cause) {
        sync.answer().completeExceptionally(TransientFailure.is(cause)
                ? new GatewayRefusal(503, "overloaded", "The server is busy; sync again later",
                        SyncAdmission.OVERLOADED_RETRY_SECONDS, List.of())
                : cause);
    }

    void flushHeartbeats() {
        try {
            heartbeats.flush();
            admission.purge();
        } catch (RuntimeException e) {
            LOG.warn("Could not write agents' last-seen times; trying again in {} s ({} agents waiting)",
                    settings.heartbeatFlushSeconds(), heartbeats.waiting(), e);
        }
    }

    /** Stores a group of checked syncs the way a writer does (for tests: a group of a chosen composition). */
    void storeGroup(List<PendingSync> group) {
        writers.write(group);
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
