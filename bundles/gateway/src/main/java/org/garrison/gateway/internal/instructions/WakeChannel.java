package org.garrison.gateway.internal.instructions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.garrison.api.agent.WakeResponse;
import org.garrison.api.device.DeviceService;
import org.garrison.api.store.MigratedSchema;
import org.garrison.api.store.Transactions;
import org.garrison.gateway.internal.AgentIdentity;
import org.garrison.gateway.internal.GatewayRefusal;
import org.garrison.gateway.internal.server.GatewayConfig;
import org.garrison.gateway.internal.server.GatewaySettings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open wake channels ("sync now" long polls) of this server node, by device. A poll costs no thread while it
 * waits: it is answered when an admin asks its device to sync now, when it times out, when the same device opens a
 * new one, or when a sweep finds its agent revoked or its device deleted. Polls live on the node that holds the
 * connection: a sync-now request made on another node does not reach them (those agents sync at their interval).
 */
@Component(service = WakeChannel.class, configurationPid = GatewayConfig.PID)
public class WakeChannel {

    /** One second of spread per this many agents woken at once. */
    static final int AGENTS_PER_SECOND = 200;

    /** The longest spread of a wake-up. */
    static final int MAX_WITHIN_SECONDS = 300;

    /** How often open polls are checked against revocations and deleted devices. */
    static final long SWEEP_SECONDS = 30;

    private static final Logger LOG = LoggerFactory.getLogger(WakeChannel.class);

    /** Answers one open poll; called at most once. */
    public interface Poll {

        void answer(WakeResponse response);
    }

    private final Transactions transactions;
    private final DeviceService devices;
    private final WakeRepository repository = new WakeRepository();
    private final Map<UUID, Waiting> polls = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "garrison-gateway-wake");
        thread.setDaemon(true);
        return thread;
    });
    private volatile GatewaySettings settings;

    @Activate
    public WakeChannel(@Reference Transactions transactions, @Reference DeviceService devices,
            @Reference(target = "(garrison.schema=gateway)") MigratedSchema schema, GatewayConfig config) {
        this(transactions, devices, GatewaySettings.of(config));
        timer.scheduleWithFixedDelay(this::sweepSafely, SWEEP_SECONDS, SWEEP_SECONDS, TimeUnit.SECONDS);
    }

    WakeChannel(Transactions transactions, DeviceService devices, GatewaySettings settings) {
        this.transactions = transactions;
        this.devices = devices;
        this.settings = settings;
    }

    @Modified
    void modified(GatewayConfig config) {
        settings = GatewaySettings.of(config);
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
        for (Waiting waiting : List.copyOf(polls.values())) {
            finish(waiting, new WakeResponse(false, 0));
        }
    }

    /**
     * Holds a poll open until its device should sync, or until the timeout.
     *
     * @param requestedSeconds the timeout the agent asked for; at most the configured one is granted
     * @return a handle to close the poll early (its connection went away)
     * @throws GatewayRefusal {@code 503 overloaded} when too many polls are open
     */
    public Registration open(AgentIdentity agent, int requestedSeconds, Poll poll) {
        GatewaySettings current = settings;
        int seconds = Math.max(1, Math.min(requestedSeconds, current.wakeTimeoutSeconds()));
        if (agent.deviceId() == null) {
            // the agent's first sync creates its device: it should sync rather than wait
            poll.answer(new WakeResponse(true, 0));
            return new Registration(null);
        }
        Waiting waiting = new Waiting(agent, poll);
        Waiting replaced = polls.put(agent.deviceId(), waiting);
        if (replaced != null) {
            replaced.finished(new WakeResponse(false, 0));
        } else if (open.incrementAndGet() > current.maxWakeConnections()) {
            open.decrementAndGet();
            polls.remove(agent.deviceId(), waiting);
            throw new GatewayRefusal(503, "overloaded", "Too many agents hold a wake channel open; rely on the "
                    + "sync interval", current.wakeTimeoutSeconds(), List.of());
        }
        waiting.timeout = timer.schedule(() -> finish(waiting, new WakeResponse(false, 0)), seconds,
                TimeUnit.SECONDS);
        return new Registration(waiting);
    }

    /**
     * Wakes the devices' agents that hold a poll open, spreading them over more seconds the more they are.
     *
     * @return how many were woken
     */
    public int wake(Collection<UUID> deviceIds) {
        List<Waiting> woken = new ArrayList<>();
        for (UUID deviceId : new HashSet<>(deviceIds)) {
            Waiting waiting = polls.get(deviceId);
            if (waiting != null && polls.remove(deviceId, waiting)) {
                open.decrementAndGet();
                woken.add(waiting);
            }
        }
        int within = Math.min(MAX_WITHIN_SECONDS, woken.size() / AGENTS_PER_SECOND);
        woken.forEach(waiting -> waiting.finished(new WakeResponse(true, within)));
        return woken.size();
    }

    /** How many polls are open. */
    public int openPolls() {
        return open.get();
    }

    private void finish(Waiting waiting, WakeResponse response) {
        if (polls.remove(waiting.agent.deviceId(), waiting)) {
            open.decrementAndGet();
        }
        waiting.finished(response);
    }

    private void sweepSafely() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.warn("Could not check the open wake channels; trying again in {} s", SWEEP_SECONDS, e);
        }
    }

    /**
     * Answers the polls of agents revoked or rejected since they opened them, and of devices deleted since: their
     * next request learns why.
     *
     * @return how many were answered
     */
    int sweep() {
        List<Waiting> all = List.copyOf(polls.values());
        if (all.isEmpty()) {
            return 0;
        }
        Set<UUID> agentIds = new HashSet<>();
        Set<String> serials = new HashSet<>();
        Set<UUID> deviceIds = new HashSet<>();
        for (Waiting waiting : all) {
            agentIds.add(waiting.agent.agentId());
            serials.add(waiting.agent.certificateSerial());
            deviceIds.add(waiting.agent.deviceId());
        }
        Set<UUID> active = transactions.inTransaction(c -> repository.activeAgents(c, agentIds));
        Set<String> valid = transactions.inTransaction(c -> repository.validCertificates(c, serials));
        Set<UUID> existing = devices.groupsOf(deviceIds).keySet();
        int answered = 0;
        for (Waiting waiting : all) {
            AgentIdentity agent = waiting.agent;
            if (!active.contains(agent.agentId()) || !valid.contains(agent.certificateSerial())
                    || !existing.contains(agent.deviceId())) {
                finish(waiting, new WakeResponse(false, 0));
                answered++;
            }
        }
        return answered;
    }

    /** An open poll. */
    private static final class Waiting {

        final AgentIdentity agent;
        final Poll poll;
        final AtomicBoolean done = new AtomicBoolean();
        volatile ScheduledFuture<?> timeout;

        Waiting(AgentIdentity agent, Poll poll) {
            this.agent = agent;
            this.poll = poll;
        }

        void finished(WakeResponse response) {
            if (done.compareAndSet(false, true)) {
                ScheduledFuture<?> scheduled = timeout;
                if (scheduled != null) {
                    scheduled.cancel(false);
                }
                try {
                    poll.answer(response);
                } catch (RuntimeException e) {
                    LOG.debug("Could not answer the wake channel of agent {}", agent.agentId(), e);
                }
            }
        }
    }

    /** An open poll, to be closed when its connection goes away. */
    public final class Registration {

        private final Waiting waiting;

        private Registration(Waiting waiting) {
            this.waiting = waiting;
        }

        /** Forgets the poll without answering it (its client is gone). */
        public void close() {
            if (waiting != null && waiting.done.compareAndSet(false, true)) {
                if (polls.remove(waiting.agent.deviceId(), waiting)) {
                    open.decrementAndGet();
                }
                ScheduledFuture<?> scheduled = waiting.timeout;
                if (scheduled != null) {
                    scheduled.cancel(false);
                }
            }
        }
    }
}
