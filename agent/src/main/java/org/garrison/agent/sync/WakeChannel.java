package org.garrison.agent.sync;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.garrison.agent.transport.GatewayException;
import org.garrison.agent.transport.GatewayRefusal;
import org.garrison.api.agent.WakeResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the long poll {@code GET /agent/v1/wake} open on its own connection and thread, so an admin's "sync now"
 * reaches the agent at once. When the server is overloaded or unreachable it backs off; the sync interval goes on
 * regardless.
 */
public final class WakeChannel {

    /** How long the server may hold a poll. */
    static final int POLL_SECONDS = 240;

    private static final Logger LOG = LoggerFactory.getLogger(WakeChannel.class);

    private final AgentSession session;
    private final SyncLoop loop;
    private final Backoff backoff;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread thread;

    public WakeChannel(AgentSession session, SyncLoop loop, Backoff backoff) {
        this.session = session;
        this.loop = loop;
        this.backoff = backoff;
        this.thread = new Thread(this::run, "garrison-wake");
        // a poll cannot be interrupted; closing the session's connections ends it
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    public void stop() {
        stopped.countDown();
    }

    private void run() {
        while (stopped.getCount() > 0 && !loop.revoked()) {
            Duration wait = Duration.ZERO;
            try {
                WakeResponse answer = session.waitForWake(POLL_SECONDS);
                backoff.reset();
                if (answer.sync()) {
                    LOG.info("The server asks for a sync within {} s", answer.within());
                    Duration within = Duration.ofSeconds(Math.max(0, answer.within()));
                    loop.syncWithin(within);
                    // poll again once that sync is likely done: the server answers at once while the agent has no
                    // device yet, and a poll right away would only repeat the same answer
                    wait = within.plus(AgentSession.FOLLOW_UP);
                }
            } catch (GatewayException e) {
                if (SyncFailures.mustEnrollAgain(e)) {
                    return;
                }
                wait = e instanceof GatewayRefusal refusal && refusal.retryAfter().isPresent()
                        ? backoff.honour(refusal.retryAfter().get()) : backoff.next();
                LOG.debug("Wake channel: {}; polling again in {} s", e.getMessage(), wait.toSeconds());
            } catch (RuntimeException e) {
                wait = backoff.next();
                LOG.warn("Wake channel failed: {}; polling again in {} s", e.toString(), wait.toSeconds());
            }
            try {
                if (stopped.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
