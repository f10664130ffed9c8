package org.garrison.agent.sync;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.random.RandomGenerator;

import org.garrison.agent.transport.GatewayException;
import org.garrison.agent.transport.GatewayRefusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real agent's timing: one thread that syncs when the server said ({@code nextSyncIn}, capped by the
 * configuration), at once when asked (a critical event, {@code sync-now}, the wake channel), after failures with
 * back-off, and collects the inventory on its own schedule. It stops for good when the certificate is revoked.
 */
public final class SyncLoop {

    private static final Logger LOG = LoggerFactory.getLogger(SyncLoop.class);

    private final AgentSession session;
    private final Backoff backoff;
    private final Duration longestInterval;
    private final StatusFile statusFile;
    private final Clock clock;
    private final RandomGenerator random;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Thread thread;

    private Instant nextSyncAt;
    private boolean stopping;
    private volatile boolean revoked;
    private Instant lastSyncAt;
    private GatewayException lastError;
    private Instant lastErrorAt;
    private String state = "starting";

    /**
     * @param longestInterval the longest wait between syncs, whatever the server says
     */
    public SyncLoop(AgentSession session, Backoff backoff, Duration longestInterval, StatusFile statusFile, Clock clock,
            RandomGenerator random) {
        this.session = session;
        this.backoff = backoff;
        this.longestInterval = longestInterval;
        this.statusFile = statusFile;
        this.clock = clock;
        this.random = random;
        this.nextSyncAt = clock.instant();
        this.thread = new Thread(this::run, "garrison-sync");
    }

    public void start() {
        session.reports().onUrgent(this::syncNow);
        thread.start();
    }

    /** Sync as soon as possible. */
    public void syncNow() {
        syncAt(clock.instant());
    }

    /** Sync at a random moment within {@code within} (a wake for many devices spreads them out). */
    public void syncWithin(Duration within) {
        long spread = within.toMillis() <= 0 ? 0 : random.nextLong(within.toMillis() + 1);
        syncAt(clock.instant().plusMillis(spread));
    }

    /** Whether the server revoked the certificate: the loop has stopped and the agent must enroll again. */
    public boolean revoked() {
        return revoked;
    }

    /** Stops the loop after the sync under way, and waits for it. */
    public void stop() throws InterruptedException {
        lock.lock();
        try {
            stopping = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        thread.join(TimeUnit.SECONDS.toMillis(90));
    }

    /** Waits until the loop ends by itself (revocation) or is stopped. */
    public void join() throws InterruptedException {
        thread.join();
    }

    private void syncAt(Instant at) {
        lock.lock();
        try {
            if (at.isBefore(nextSyncAt)) {
                nextSyncAt = at;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (waitForWork()) {
            if (session.inventory().due()) {
                collectInventory();
            }
            if (!clock.instant().isBefore(currentNextSync())) {
                attemptSync();
            }
        }
        writeStatus();
    }

    /** Waits until the next sync or inventory collection is due; false when stopping. */
    private boolean waitForWork() {
        lock.lock();
        try {
            while (!stopping) {
                Instant wakeAt = nextSyncAt.isBefore(session.inventory().nextDueAt()) ? nextSyncAt
                        : session.inventory().nextDueAt();
                long waitMillis = Duration.between(clock.instant(), wakeAt).toMillis();
                if (waitMillis <= 0) {
                    return true;
                }
                changed.await(waitMillis, TimeUnit.MILLISECONDS);
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    private Instant currentNextSync() {
        lock.lock();
        try {
            return nextSyncAt;
        } finally {
            lock.unlock();
        }
    }

    private void collectInventory() {
        try {
            session.inventory().collect(false);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Collecting the inventory failed: {}", e.toString());
        }
    }

    private void attemptSync() {
        Duration wait;
        try {
            SyncOutcome outcome = session.sync();
            backoff.reset();
            lastSyncAt = clock.instant();
            lastError = null;
            state = "syncing";
            wait = outcome.syncAgain() ? AgentSession.FOLLOW_UP
                    : outcome.nextSyncIn().compareTo(longestInterval) > 0 ? longestInterval : outcome.nextSyncIn();
            LOG.debug("Synced: {} items sent, {} acknowledged, next in {} s", outcome.itemsSent(),
                    outcome.acknowledged(), wait.toSeconds());
        } catch (GatewayException e) {
            lastError = e;
            lastErrorAt = clock.instant();
            if (SyncFailures.mustEnrollAgain(e)) {
                LOG.error("The server revoked this agent's certificate (or an admin rejected it): syncing stops. "
                        + "Enroll again with a new token: garrison-agent enroll --server URL --token TOKEN");
                revoked = true;
                state = "revoked";
                stopLocally();
                return;
            }
            wait = SyncFailures.waitAfter(e, backoff);
            boolean pending = e instanceof GatewayRefusal refusal
                    && GatewayRefusal.APPROVAL_PENDING.equals(refusal.code());
            state = pending ? "approval-pending" : "failing";
            if (pending) {
                LOG.info("Waiting for an admin to approve this agent; next try in {} s", wait.toSeconds());
            } else if (e instanceof GatewayRefusal refusal && refusal.status() == 429) {
                // a critical event or a wake came right after a sync: the server's spacing, not a failure
                LOG.debug("Sync deferred by the server for {} s", wait.toSeconds());
                state = "syncing";
            } else {
                LOG.warn("Sync failed ({}), next try in {} s: {}", e.code(), wait.toSeconds(), e.getMessage());
            }
        } catch (IOException e) {
            LOG.error("The agent's outbox cannot be read or written: {}", e.toString());
            wait = backoff.next();
            state = "failing";
        } catch (RuntimeException e) {
            // a bug must not end the agent's only sync thread: log it and try again later
            LOG.error("Sync failed unexpectedly", e);
            wait = backoff.next();
            state = "failing";
        }
        lock.lock();
        try {
            nextSyncAt = clock.instant().plus(wait);
        } finally {
            lock.unlock();
        }
        writeStatus();
    }

    private void stopLocally() {
        lock.lock();
        try {
            stopping = true;
        } finally {
            lock.unlock();
        }
    }

    private void writeStatus() {
        try {
            statusFile.write(new AgentStatus(stopping && !revoked ? "stopped" : state, session.deviceId(),
                    session.outbox().size(), session.outbox().pendingBytes(), lastSyncAt,
                    lastError == null ? null : lastError.getMessage(), lastError == null ? null : lastError.code(),
                    lastErrorAt, revoked ? null : currentNextSync(), clock.instant()));
        } catch (IOException e) {
            LOG.warn("Writing the status file failed: {}", e.toString());
        }
    }
}
