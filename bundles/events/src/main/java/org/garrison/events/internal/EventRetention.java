package org.garrison.events.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the event store bounded: on its own scheduled thread, removes the oldest events beyond the configured number
 * and those older than the configured age, in small transactions so that ingest never waits long.
 */
@Component(configurationPid = EventsConfig.PID)
@Designate(ocd = EventsConfig.class)
public class EventRetention {

    private static final Logger LOG = LoggerFactory.getLogger(EventRetention.class);
    /** The first pass after start waits at most this long, so the server's boot is not slowed down. */
    private static final long MAX_FIRST_DELAY_SECONDS = 60;

    private final EventRepository repository;
    private final Clock clock;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "garrison-event-retention");
        thread.setDaemon(true);
        return thread;
    });
    private ScheduledFuture<?> schedule;
    private volatile EventsConfig config;

    @Activate
    public EventRetention(@Reference EventRepository repository, EventsConfig config) {
        this(repository, config, Clock.systemUTC());
        reschedule(config);
    }

    /** A retention that runs only when asked ({@link #enforce}), for tests and benchmarks. */
    public EventRetention(EventRepository repository, EventsConfig config, Clock clock) {
        this.repository = repository;
        this.clock = clock;
        this.config = config;
    }

    @Modified
    void modified(EventsConfig changed) {
        reschedule(changed);
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }

    private synchronized void reschedule(EventsConfig changed) {
        config = changed;
        if (schedule != null) {
            schedule.cancel(false);
        }
        long interval = Math.max(1, changed.retentionIntervalSeconds());
        schedule = executor.scheduleWithFixedDelay(this::runSafely, Math.min(interval, MAX_FIRST_DELAY_SECONDS),
                interval, TimeUnit.SECONDS);
    }

    private void runSafely() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.error("Event retention failed; it runs again at the next interval", e);
        }
    }

    /** One retention pass with the current configuration. */
    Removal run() {
        EventsConfig current = config;
        long started = System.nanoTime();
        Removal removal = enforce(current.maxEvents(), clock.instant().minus(Duration.ofDays(current.maxAgeDays())),
                current.retentionBatchSize());
        if (removal.total() > 0) {
            LOG.info("Event retention removed {} events ({} beyond the limit of {}, {} older than {} days) in {} "
                    + "transactions, {} ms (longest transaction {} ms)", removal.total(), removal.beyondCount(),
                    current.maxEvents(), removal.tooOld(), current.maxAgeDays(), removal.transactions(),
                    (System.nanoTime() - started) / 1_000_000, removal.longestMillis());
        }
        return removal;
    }

    /**
     * Removes the oldest events beyond {@code maxEvents}, then every event older than {@code cutoff}, at most
     * {@code batchSize} per transaction.
     */
    public Removal enforce(long maxEvents, Instant cutoff, int batchSize) {
        // stored times have microseconds at most (PostgreSQL rounds finer ones), so compare at that precision
        Instant before = cutoff.truncatedTo(ChronoUnit.MICROS);
        int transactions = 0;
        long longest = 0;
        long beyondCount = 0;
        Instant resumeAt = null;
        long excess = repository.count() - maxEvents;
        while (excess > 0) {
            long started = System.nanoTime();
            EventRepository.Deletion deletion = repository.deleteOldest((int) Math.min(batchSize, excess), null,
                    resumeAt);
            longest = Math.max(longest, System.nanoTime() - started);
            transactions++;
            if (deletion.count() == 0) {
                break;
            }
            beyondCount += deletion.count();
            excess -= deletion.count();
            resumeAt = deletion.upTo();
        }
        long tooOld = 0;
        while (true) {
            long started = System.nanoTime();
            EventRepository.Deletion deletion = repository.deleteOldest(batchSize, before, resumeAt);
            longest = Math.max(longest, System.nanoTime() - started);
            transactions++;
            tooOld += deletion.count();
            if (deletion.count() < batchSize) {
                break;
            }
            resumeAt = deletion.upTo();
        }
        return new Removal(beyondCount, tooOld, transactions, longest / 1_000_000);
    }

    /**
     * What one pass removed.
     *
     * @param longestMillis the duration of the pass's longest transaction: the longest ingest may have waited
     */
    public record Removal(long beyondCount, long tooOld, int transactions, long longestMillis) {

        public long total() {
            return beyondCount + tooOld;
        }
    }
}
