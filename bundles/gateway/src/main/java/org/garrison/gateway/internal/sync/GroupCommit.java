package org.garrison.gateway.internal.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.ToIntFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: a few writer threads take waiting jobs from a queue and store as many as fit (by count and weight)
 * in one transaction, since one commit costs about as much as the work of many small syncs. A transaction the
 * database rolled back for a transient reason (a deadlock victim, a lock timeout) is run again a few times; any other
 * failure makes its jobs be stored again one by one, so one bad job cannot fail the others.
 *
 * <p>The queue itself is not bounded: the admission in front of it bounds how many jobs can be in it.
 *
 * @param <J> the job
 */
final class GroupCommit<J> {

    /** Stores jobs in one transaction and answers them after it committed; throws if it did not commit. */
    interface Store<J> {
        void store(List<J> jobs);
    }

    /** Answers a job that could not be stored. */
    interface Failure<J> {
        void failed(J job, RuntimeException cause);
    }

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    /** How often a transaction that failed transiently is run again before its jobs fail. */
    static final int TRANSIENT_ATTEMPTS = 4;

    private final BlockingQueue<J> queue = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private final int maxJobs;
    private final int maxWeight;
    private final ToIntFunction<J> weight;
    private final Store<J> store;
    private final Failure<J> failure;
    private volatile boolean open = true;

    GroupCommit(String name, int writerCount, int maxJobs, int maxWeight, ToIntFunction<J> weight, Store<J> store,
            Failure<J> failure) {
        this.maxJobs = maxJobs;
        this.maxWeight = maxWeight;
        this.weight = weight;
        this.store = store;
        this.failure = failure;
        for (int i = 1; i <= writerCount; i++) {
            Thread writer = new Thread(this::run, name + "-" + i);
            writer.setDaemon(true);
            writers.add(writer);
            writer.start();
        }
    }

    void submit(J job) {
        if (!open) {
            throw new IllegalStateException("closed");
        }
        queue.add(job);
    }

    /** How many jobs wait for a writer. */
    int waiting() {
        return queue.size();
    }

    /** Stops the writers; jobs still waiting fail with the given cause. */
    void close(RuntimeException cause) {
        open = false;
        writers.forEach(Thread::interrupt);
        for (Thread writer : writers) {
            try {
                writer.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        List<J> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(job -> failure.failed(job, cause));
    }

    private void run() {
        J carried = null;
        while (open) {
            List<J> batch = new ArrayList<>();
            try {
                J first = carried != null ? carried : queue.take();
                carried = null;
                batch.add(first);
                int total = weight.applyAsInt(first);
                while (batch.size() < maxJobs) {
                    J next = queue.poll();
                    if (next == null) {
                        break;
                    }
                    if (total + weight.applyAsInt(next) > maxWeight) {
                        carried = next;
                        break;
                    }
                    total += weight.applyAsInt(next);
                    batch.add(next);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (carried != null) {
                    queue.add(carried);
                }
                return;
            }
            write(batch);
        }
        if (carried != null) {
            queue.add(carried);
        }
    }

    /** Stores a batch, falling back to one transaction per job when the batch's transaction fails. */
    void write(List<J> batch) {
        try {
            storeRetryingTransient(batch);
            return;
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                failure.failed(batch.get(0), e);
                return;
            }
            LOG.debug("A group of {} syncs failed to commit ({}); storing them one by one", batch.size(),
                    e.getMessage());
        }
        for (J job : batch) {
            try {
                storeRetryingTransient(List.of(job));
            } catch (RuntimeException e) {
                failure.failed(job, e);
            }
        }
    }

    private void storeRetryingTransient(List<J> jobs) {
        for (int attempt = 1;; attempt++) {
            try {
                store.store(jobs);
                return;
            } catch (RuntimeException e) {
                if (attempt == TRANSIENT_ATTEMPTS || !TransientFailure.is(e)) {
                    throw e;
                }
                LOG.debug("Storing {} syncs failed transiently ({}); attempt {} of {}", jobs.size(), e.getMessage(),
                        attempt + 1, TRANSIENT_ATTEMPTS);
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(20L << attempt, 60L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to store again", e);
        }
    }
}
