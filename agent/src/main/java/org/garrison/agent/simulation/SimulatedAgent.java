package org.garrison.agent.simulation;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

import org.garrison.agent.enrollment.Enrollment;
import org.garrison.agent.enrollment.EnrollmentFailedException;
import org.garrison.agent.identity.IdentityStore;
import org.garrison.agent.simulator.SimulatedMachine;
import org.garrison.agent.sync.AgentSession;
import org.garrison.agent.sync.AgentSessions;
import org.garrison.agent.sync.Backoff;
import org.garrison.agent.sync.InventoryTracker;
import org.garrison.agent.sync.SessionSettings;
import org.garrison.agent.sync.SyncFailures;
import org.garrison.agent.sync.SyncOutcome;
import org.garrison.agent.transport.GatewayChannels;
import org.garrison.agent.transport.GatewayException;
import org.garrison.api.agent.WakeResponse;
import org.garrison.api.event.EventSeverity;
import org.garrison.api.event.NewEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One agent of a simulated fleet: a {@link SimulatedMachine}, its own data folder, key and certificate, and the same
 * {@link AgentSession} a real agent uses. It has no thread: each step (enroll, queue the machine's new events,
 * collect the inventory when due, sync) runs on the fleet's shared scheduler, which then plans its next step.
 */
final class SimulatedAgent {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedAgent.class);
    /** The simulator's outbox cap per agent: small, thousands of them share one disk. */
    private static final long OUTBOX_BYTES = 8L * 1024 * 1024;

    private final int index;
    private final SimulatedMachine machine;
    private final Path folder;
    private final SimulationOptions options;
    private final GatewayChannels channels;
    private final ScheduledExecutorService scheduler;
    private final SimulationStats stats;
    private final Clock clock;
    private final RandomGenerator random;
    private final Backoff backoff;
    private final String agentVersion;

    private volatile AgentSession session;
    private volatile ScheduledFuture<?> next;
    private long nextAtNanos;
    private volatile boolean stopped;

    SimulatedAgent(int index, SimulationOptions options, GatewayChannels channels, ScheduledExecutorService scheduler,
            SimulationStats stats, Clock clock, RandomGenerator random, String agentVersion) {
        this.index = index;
        this.machine = new SimulatedMachine(options.seed(), index);
        this.folder = options.dataFolder().resolve(String.format("agent-%05d", index));
        this.options = options;
        this.channels = channels;
        this.scheduler = scheduler;
        this.stats = stats;
        this.clock = clock;
        this.random = random;
        this.backoff = new Backoff(random);
        this.agentVersion = agentVersion;
    }

    /** Plans the agent's first step after {@code delay}. */
    synchronized void start(Duration delay) {
        schedule(delay);
    }

    /** Brings the next sync forward to a random moment within {@code within} (a wake). */
    synchronized void syncWithin(Duration within) {
        long spread = within.toMillis() <= 0 ? 0 : random.nextLong(within.toMillis() + 1);
        if (nextAtNanos - System.nanoTime() > TimeUnit.MILLISECONDS.toNanos(spread) && next != null
                && next.cancel(false)) {
            schedule(Duration.ofMillis(spread));
        }
    }

    /** Whether the agent has a session and may hold a wake poll. */
    boolean syncing() {
        return session != null && !stopped;
    }

    /** Waits on the wake channel (on the caller's thread). */
    WakeResponse waitForWake(int seconds) throws GatewayException {
        return session.waitForWake(seconds);
    }

    /** Stops the agent; not synchronized, so that closing its connection also ends a sync under way. */
    void stop() {
        stopped = true;
        ScheduledFuture<?> planned = next;
        if (planned != null) {
            planned.cancel(false);
        }
        AgentSession current = session;
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                LOG.debug("Closing simulated agent {} failed: {}", index, e.toString());
            }
        }
    }

    private void schedule(Duration delay) {
        if (stopped) {
            return;
        }
        nextAtNanos = System.nanoTime() + delay.toNanos();
        try {
            next = scheduler.schedule(this::step, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // the simulation is ending
            stopped = true;
        }
    }

    private synchronized void step() {
        if (stopped) {
            return;
        }
        Duration wait;
        try {
            if (session == null) {
                session = openSession();
            }
            List<NewEvent> events = machine.eventsUntil(clock.instant());
            if (!events.isEmpty()) {
                session.reports().events(events);
                stats.eventsQueued(events.size());
            }
            if (session.inventory().due()) {
                session.inventory().collect(false);
            }
            long started = System.nanoTime();
            SyncOutcome outcome = session.sync();
            stats.synced(System.nanoTime() - started, outcome.acknowledged());
            backoff.reset();
            wait = outcome.syncAgain() ? AgentSession.FOLLOW_UP : capped(outcome.nextSyncIn());
        } catch (GatewayException e) {
            if (stopped) {
                return;
            }
            stats.failed(e.code());
            if (SyncFailures.mustEnrollAgain(e)) {
                LOG.warn("Simulated agent {}: certificate revoked, it stops", index);
                stopped = true;
                return;
            }
            wait = SyncFailures.waitAfter(e, backoff);
        } catch (EnrollmentFailedException | IOException | RuntimeException e) {
            if (stopped) {
                return;
            }
            stats.failed(e.getClass().getSimpleName());
            LOG.warn("Simulated agent {}: {}", index, e.toString());
            wait = backoff.next();
        }
        schedule(wait);
    }

    private AgentSession openSession() throws GatewayException, EnrollmentFailedException, IOException {
        IdentityStore store = new IdentityStore(folder, channels.json());
        if (!store.enrolled()) {
            Enrollment.Enrolled enrolled = new Enrollment(channels, clock, agentVersion)
                    .enroll(options.server(), options.token(), machine);
            store.save(enrolled.identity(), enrolled.record());
            InventoryTracker.forgetIn(folder);
        }
        AgentSession opened = AgentSessions.open(new SessionSettings(folder, OUTBOX_BYTES, false,
                options.inventoryInterval()), machine, channels, clock, agentVersion);
        stats.enrolled();
        opened.reports().coreEvent("agent-started", EventSeverity.INFO, "The Network Agent started",
                Map.of("version", agentVersion, "simulated", true));
        return opened;
    }

    private Duration capped(Duration serverWait) {
        Duration longest = options.longestInterval();
        return longest != null && serverWait.compareTo(longest) > 0 ? longest : serverWait;
    }
}
