package org.garrison.audit.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.garrison.api.store.MigratedSchema;
import org.garrison.api.store.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the audit log bounded: once a day, on its own thread, removes the oldest entries beyond the configured number
 * and those older than the configured age, in small transactions that each delete one block of old entries, far from
 * the new end where the writer inserts, so the writer never waits for more than one of them.
 */
@Component(configurationPid = AuditLogConfig.PID)
@Designate(ocd = AuditLogConfig.class)
public class AuditLogRetention {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLogRetention.class);
    private static final Duration INTERVAL = Duration.ofDays(1);
    /** The first pass waits this long after start (or a configuration change), so the server's boot is not slowed. */
    private static final Duration FIRST_DELAY = Duration.ofMinutes(1);

    private final Transactions transactions;
    private final AuditLogRepository repository = new AuditLogRepository();
    private final Clock clock;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "garrison-audit-log-retention");
        thread.setDaemon(true);
        return thread;
    });
    private ScheduledFuture<?> schedule;
    private volatile AuditLogConfig config;

    @Activate
    public AuditLogRetention(@Reference Transactions transactions,
            @Reference(target = "(garrison.schema=audit)") MigratedSchema schema, AuditLogConfig config) {
        this(transactions, config, Clock.systemUTC());
        reschedule(config);
    }

    /** A retention that runs only when asked ({@link #run()}), for tests. */
    AuditLogRetention(Transactions transactions, AuditLogConfig config, Clock clock) {
        this.transactions = transactions;
        this.config = config;
        this.clock = clock;
    }

    @Modified
    void modified(AuditLogConfig changed) {
        reschedule(changed);
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }

    private synchronized void reschedule(AuditLogConfig changed) {
        config = changed;
        if (schedule != null) {
            schedule.cancel(false);
        }
        schedule = executor.scheduleWithFixedDelay(this::runSafely, FIRST_DELAY.toSeconds(), INTERVAL.toSeconds(),
                TimeUnit.SECONDS);
    }

    private void runSafely() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.error("Audit-log retention failed; it runs again in a day", e);
        }
    }

    /** One retention pass with the current configuration. */
    Removal run() {
        AuditLogConfig current = config;
        long started = System.nanoTime();
        Removal removal = enforce(current.maxEntries(),
                clock.instant().minus(Duration.ofDays(current.maxAgeDays())), current.retentionBatchSize());
        if (removal.total() > 0) {
            LOG.info("Audit-log retention removed {} entries ({} beyond the limit of {}, {} older than {} days) in {}"
                    + " transactions, {} ms", removal.total(), removal.beyondCount(), current.maxEntries(),
                    removal.tooOld(), current.maxAgeDays(), removal.transactions(),
                    (System.nanoTime() - started) / 1_000_000);
        }
        return removal;
    }

    /**
     * Removes the oldest entries beyond {@code maxEntries}, then every entry older than {@code cutoff}, at most
     * {@code batchSize} per transaction.
     */
    Removal enforce(long maxEntries, Instant cutoff, int batchSize) {
        int transactionCount = 0;
        long beyondCount = 0;
        // the oldest entry to keep; everything after it in the listing order goes
        Keyset.TimeAndId below = transactions.inTransaction(connection -> repository.position(connection,
                maxEntries - 1));
        while (below != null) {
            Keyset.TimeAndId from = below;
            AuditLogRepository.Deletion deletion = transactions.inTransaction(
                    connection -> repository.deleteOlder(connection, null, from, batchSize));
            transactionCount++;
            beyondCount += deletion.count();
            below = deletion.count() < batchSize ? null : deletion.last();
        }
        // stored times have microseconds at most, so compare at that precision
        Instant before = cutoff.truncatedTo(ChronoUnit.MICROS);
        long tooOld = 0;
        Keyset.TimeAndId resume = null;
        do {
            Keyset.TimeAndId from = resume;
            AuditLogRepository.Deletion deletion = transactions.inTransaction(
                    connection -> repository.deleteOlder(connection, before, from, batchSize));
            transactionCount++;
            tooOld += deletion.count();
            resume = deletion.count() < batchSize ? null : deletion.last();
        } while (resume != null);
        return new Removal(beyondCount, tooOld, transactionCount);
    }

    /** What one pass removed. */
    record Removal(long beyondCount, long tooOld, int transactions) {

        long total() {
            return beyondCount + tooOld;
        }
    }
}
