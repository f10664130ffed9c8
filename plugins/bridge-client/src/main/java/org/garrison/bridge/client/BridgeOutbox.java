package org.garrison.bridge.client;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

/**
 * What an application has for its agent, sent in order. A call the agent cannot take now (down, restarting, its
 * secret renewed) waits with everything behind it and goes out at the next {@link #flush()}; a call the bridge
 * refuses as bad is dropped, since it would be refused forever, and reported. An outage is reported once, not at
 * every try.
 */
public final class BridgeOutbox {

    /** One call to the bridge. */
    @FunctionalInterface
    public interface Call {
        void send(BridgeClient bridge) throws BridgeException;
    }

    /** Hears what the outbox could not do. */
    public interface Listener {

        /** The agent cannot be reached (told once per outage). */
        void unreachable(BridgeException cause);

        /** The bridge refused a call as bad; it is dropped. */
        void refused(String what, BridgeException cause);
    }

    private record Waiting(String what, Call call) {
    }

    /** A listener that prints a line for each, stamped with the application's clock. */
    public static Listener printing(PrintStream out, Supplier<Instant> now) {
        return new Listener() {
            @Override
            public void unreachable(BridgeException cause) {
                out.println(now.get() + " " + cause.getMessage() + "; trying again");
            }

            @Override
            public void refused(String what, BridgeException cause) {
                out.println(now.get() + " the agent refused the " + what + ": " + cause.getMessage());
            }
        };
    }

    private final Deque<Waiting> waiting = new ArrayDeque<>();
    private final BridgeClient bridge;
    private final Listener listener;
    private boolean outageReported;
    private int refused;

    public BridgeOutbox(BridgeClient bridge, Listener listener) {
        this.bridge = bridge;
        this.listener = listener;
    }

    /**
     * Queues a call.
     *
     * @param what what it sends, for the listener ("threats report")
     */
    public synchronized void add(String what, Call call) {
        waiting.add(new Waiting(what, call));
    }

    /**
     * Sends what waits, in order, until the agent cannot take more now.
     *
     * @return whether everything went out
     */
    public synchronized boolean flush() {
        while (!waiting.isEmpty()) {
            Waiting next = waiting.peek();
            try {
                next.call().send(bridge);
                waiting.poll();
                reachable();
            } catch (BridgeException e) {
                if (e.retryable()) {
                    unreachable(e);
                    return false;
                }
                refused++;
                waiting.poll();
                listener.refused(next.what(), e);
            }
        }
        return true;
    }

    /**
     * Makes a call now, past what waits, trying again while the agent cannot take it: for what must not wait behind
     * reports, such as an instruction's result (until it is stored the agent hands the instruction out again).
     *
     * @param attempts how many tries at most
     * @param wait     the pause between two tries
     * @return whether the agent took it; {@code false} when it refused it (the listener hears why), did not answer
     *         within the tries, or the thread was interrupted (its interrupt flag is set again)
     */
    public boolean sendNow(String what, Call call, int attempts, Duration wait) {
        for (int attempt = 0; attempt < attempts; attempt++) {
            try {
                call.send(bridge);
                reachable();
                return true;
            } catch (BridgeException e) {
                if (!e.retryable()) {
                    synchronized (this) {
                        refused++;
                    }
                    listener.refused(what, e);
                    return false;
                }
                unreachable(e);
            }
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** For calls made outside the outbox (reading instructions or the policy): the agent answered. */
    public synchronized void reachable() {
        outageReported = false;
    }

    /** For calls made outside the outbox: the agent could not be reached; the listener hears it once per outage. */
    public synchronized void unreachable(BridgeException cause) {
        if (!outageReported) {
            outageReported = true;
            listener.unreachable(cause);
        }
    }

    /** How many calls wait. */
    public synchronized int size() {
        return waiting.size();
    }

    /** How many calls the bridge refused as bad. */
    public synchronized int refused() {
        return refused;
    }
}
