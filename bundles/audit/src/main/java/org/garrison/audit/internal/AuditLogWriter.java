package org.garrison.audit.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.garrison.api.Actor;
import org.garrison.api.audit.AuditEntry;
import org.garrison.api.store.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores audit-log entries off the caller's thread: callers only put entries into a bounded queue, and one writer
 * thread inserts whatever has gathered there as one batch per transaction. A caller therefore never waits for the
 * database, and never fails because of it. When the queue is full (the database is down or far too slow), entries
 * are dropped and the writer reports how many in a warning as soon as it gets through; a batch the database keeps
 * refusing is reported as an error. Nothing is lost silently.
 */
final class AuditLogWriter {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLogWriter.class);
    /** How long the writer waits for entries before it looks at its drop count and closing flag again. */
    private static final long IDLE_WAIT_MILLIS = 1000;
    /** How often a batch the database refuses is tried. */
    static final int MAX_ATTEMPTS = 3;
    private static final Duration RETRY_DELAY = Duration.ofSeconds(1);

    /** Tells the writer thread to finish: compared by identity, never stored. */
    private final AuditEntry stop = new AuditEntry(new UUID(0, 0), Instant.EPOCH, Actor.system("audit-log"),
            "stop", null, null, null, 0, null);

    private final Transactions transactions;
    private final AuditLogRepository repository;
    private final BlockingQueue<AuditEntry> queue;
    private final int capacity;
    private final int batchSize;
    private final Consumer<String> warnings;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Object progress = new Object();
    /** Entries taken from the queue and stored or given up; guarded by {@link #progress}. */
    private long done;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Thread thread;

    /**
     * @param warnings where drop counts go ({@code LOG::warn} in the server)
     */
    AuditLogWriter(Transactions transactions, AuditLogRepository repository, int capacity, int batchSize,
            Consumer<String> warnings) {
        this.transactions = transactions;
        this.repository = repository;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.capacity = capacity;
        this.batchSize = batchSize;
        this.warnings = warnings;
        this.thread = new Thread(this::run, "garrison-audit-log-writer");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Queues an entry without waiting; counts it as dropped when the queue is full or the writer has closed. */
    void offer(AuditEntry entry) {
        if (closing.getCount() == 0 || !queue.offer(entry)) {
            dropped.incrementAndGet();
            return;
        }
        accepted.incrementAndGet();
    }

    /**
     * Waits until every entry queued before this call has been stored (or given up), at most {@code timeout}.
     *
     * @return whether they all were
     */
    boolean awaitWritten(Duration timeout) {
        long target = accepted.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (done < target) {
                long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (remaining <= 0) {
                    return false;
                }
                try {
                    progress.wait(remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Stops accepting entries, stores those still queued and ends the writer thread, waiting at most
     * {@code timeout} for it.
     */
    void close(Duration timeout) {
        closing.countDown();
        queue.offer(stop);
        try {
            thread.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.error("The audit-log writer did not finish within {} ms; {} queued entries may not be stored",
                    timeout.toMillis(), queue.size());
        }
        reportDrops();
    }

    private void run() {
        List<AuditEntry> batch = new ArrayList<>(batchSize);
        boolean stopping = false;
        while (!stopping) {
            AuditEntry first;
            try {
                first = closing.getCount() == 0 ? queue.poll() : queue.poll(IDLE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                first = null;
                closing.countDown();
            }
            reportDrops();
            if (first == null) {
                stopping = closing.getCount() == 0;
                continue;
            }
            batch.add(first);
            queue.drainTo(batch, batchSize - 1);
            // the closing flag is already set: the loop goes on without waiting until the queue is empty, so
            // entries that raced the close are still stored
            batch.removeIf(entry -> entry == stop);
            try {
                store(batch);
            } finally {
                finished(batch.size());
                batch.clear();
            }
        }
    }

    private void store(List<AuditEntry> batch) {
        if (batch.isEmpty()) {
            return;
        }
        for (int attempt = 1;; attempt++) {
            try {
                transactions.runInTransaction(connection -> repository.insert(connection, batch));
                return;
            } catch (RuntimeException | LinkageError e) {
                // a LinkageError: the bundle was updated under a running writer; its entries are still reported
                if (attempt >= MAX_ATTEMPTS || closing.getCount() == 0) {
                    LOG.error("Could not store {} audit-log entries after {} attempts; they are lost", batch.size(),
                            attempt, e);
                    return;
                }
                LOG.warn("Could not store {} audit-log entries; trying again in {} s: {}", batch.size(),
                        RETRY_DELAY.toSeconds(), e.toString());
                try {
                    closing.await(RETRY_DELAY.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    closing.countDown();
                }
            }
        }
    }

    private void finished(int count) {
        synchronized (progress) {
            done += count;
            progress.notifyAll();
        }
    }

    /** Warns about entries dropped since the last report. */
    void reportDrops() {
        long count = dropped.getAndSet(0);
        if (count > 0) {
            warnings.accept("The audit log dropped " + count + " entries: its queue of " + capacity
                    + " entries was full or it was shutting down");
        }
    }
}
