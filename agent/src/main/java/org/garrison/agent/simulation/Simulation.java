package org.garrison.agent.simulation;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.garrison.agent.sync.AgentSession;
import org.garrison.agent.sync.Backoff;
import org.garrison.agent.transport.GatewayChannels;
import org.garrison.agent.transport.GatewayException;
import org.garrison.api.agent.WakeResponse;

/**
 * A simulated fleet in one JVM: {@code count} agents, each with its own identity, outbox and data folder, driven by a
 * small shared thread pool (no thread per agent, so ten thousand fit in a 2 GB heap), started over the spread, and a
 * line of statistics every ten seconds.
 */
public final class Simulation {

    static final Duration REPORT_EVERY = Duration.ofSeconds(10);
    private static final int WAKE_POLL_SECONDS = 240;

    private final SimulationOptions options;
    private final GatewayChannels channels;
    private final Clock clock;
    private final PrintStream out;
    private final String agentVersion;
    private final SimulationStats stats = new SimulationStats();
    private final CountDownLatch finished = new CountDownLatch(1);

    public Simulation(SimulationOptions options, GatewayChannels channels, Clock clock, PrintStream out,
            String agentVersion) {
        this.options = options;
        this.channels = channels;
        this.clock = clock;
        this.out = out;
        this.agentVersion = agentVersion;
    }

    /** Runs until the duration has passed or {@link #stop()} is called. */
    public void run() throws InterruptedException {
        AtomicInteger threadCount = new AtomicInteger();
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(options.threads(), task -> {
            Thread thread = new Thread(task, "garrison-sim-" + threadCount.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        ExecutorService wakePool = options.wake() ? Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "garrison-sim-wake");
            thread.setDaemon(true);
            return thread;
        }) : null;
        SplittableRandom seeds = new SplittableRandom(options.seed());
        List<SimulatedAgent> agents = new ArrayList<>(options.count());
        for (int index = 0; index < options.count(); index++) {
            SplittableRandom random = seeds.split();
            SimulatedAgent agent = new SimulatedAgent(index, options, channels, scheduler, stats, clock, random,
                    agentVersion);
            agents.add(agent);
            agent.start(Duration.ofMillis(options.spread().isZero() ? 0 : random.nextLong(options.spread().toMillis())));
            if (wakePool != null) {
                Backoff wakeBackoff = new Backoff(random.split());
                wakePool.execute(() -> pollWake(agent, wakeBackoff));
            }
        }
        // its own thread: when a slow server holds every driving thread, the statistics must still come
        ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "garrison-sim-stats");
            thread.setDaemon(true);
            return thread;
        });
        long[] lastReport = {System.nanoTime()};
        reporter.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            out.println(stats.line(Duration.ofNanos(now - lastReport[0]), options.count()));
            out.flush();
            lastReport[0] = now;
        }, REPORT_EVERY.toMillis(), REPORT_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        try {
            if (options.duration() == null) {
                finished.await();
            } else {
                finished.await(options.duration().toMillis(), TimeUnit.MILLISECONDS);
            }
        } finally {
            reporter.shutdownNow();
            // stopping closes each agent's connections, which also ends the requests under way
            agents.forEach(SimulatedAgent::stop);
            scheduler.shutdownNow();
            if (wakePool != null) {
                wakePool.shutdownNow();
            }
            out.println("final: " + stats.line(Duration.ofNanos(System.nanoTime() - lastReport[0]),
                    options.count()));
        }
    }

    /** Ends {@link #run()}. */
    public void stop() {
        finished.countDown();
    }

    /** The number of agents enrolled so far. */
    public long enrolled() {
        return stats.enrolledCount();
    }

    private void pollWake(SimulatedAgent agent, Backoff backoff) {
        while (finished.getCount() > 0 && !Thread.currentThread().isInterrupted()) {
            Duration wait = Duration.ZERO;
            if (!agent.syncing()) {
                wait = Duration.ofSeconds(5);
            } else {
                try {
                    WakeResponse answer = agent.waitForWake(WAKE_POLL_SECONDS);
                    backoff.reset();
                    if (answer.sync()) {
                        Duration within = Duration.ofSeconds(Math.max(0, answer.within()));
                        agent.syncWithin(within);
                        wait = within.plus(AgentSession.FOLLOW_UP);
                    }
                } catch (GatewayException e) {
                    if (finished.getCount() == 0) {
                        return;
                    }
                    stats.failed("wake-" + e.code());
                    wait = backoff.next();
                }
            }
            try {
                if (finished.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
