package org.garrison.tasks.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.garrison.api.Actor;
import org.garrison.api.Ids;
import org.garrison.api.error.ConflictException;
import org.garrison.api.store.Transactions;
import org.garrison.api.task.DeviceRunState;
import org.garrison.api.task.RunTrigger;
import org.garrison.api.task.ServerTaskContext;
import org.garrison.api.task.ServerTaskRunner;
import org.garrison.api.task.Task;
import org.garrison.api.task.TaskRunState;
import org.garrison.tasks.internal.RunRepository.NewTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs of the tasks the server runs itself, on threads of their own: at most one run per task at a time (the task
 * row holds the running run, so this holds across threads and restarts), stopped by interrupting the runner's thread
 * when an admin cancels it or its time limit runs out.
 */
final class ServerRuns {

    private static final Logger LOG = LoggerFactory.getLogger(ServerRuns.class);

    private final Transactions transactions;
    private final TaskRepository tasks;
    private final RunRepository runs;
    private final Clock clock;
    private final ExecutorService workers;
    private final Map<UUID, Handle> going = new ConcurrentHashMap<>();

    ServerRuns(Transactions transactions, TaskRepository tasks, RunRepository runs, Clock clock, int threads) {
        this.transactions = transactions;
        this.tasks = tasks;
        this.runs = runs;
        this.clock = clock;
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "garrison-server-task-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts a run, unless one of the same task is still going.
     *
     * @throws ConflictException if a run of the task is still going
     */
    StoredRun start(StoredTask stored, ServerTaskRunner runner, RunTrigger trigger, Instant scheduledFor,
            Actor actor, int keptRuns) {
        Task task = stored.task();
        Instant now = now();
        UUID runId = Ids.newId();
        StoredRun run = new StoredRun(runId, task.id(), TaskRunState.RUNNING, trigger, task.application(),
                task.type(), task.parameters(), task.schedule().stopAfterMinutes(), scheduledFor, now, null, actor,
                null, 0);
        transactions.runInTransaction(connection -> {
            if (!tasks.claimServerRun(connection, task.id(), runId)) {
                throw new ConflictException("The task \"" + task.name() + "\" is still running; cancel that run or "
                        + "wait for it to end");
            }
            runs.insert(connection, run);
            runs.insertTargets(connection, runId, List.of(new NewTarget(null, null, null)), now);
            tasks.setLastRun(connection, task.id(), runId);
            runs.deleteOldRuns(connection, task.id(), keptRuns);
        });
        Handle handle = new Handle(run, run.stopAfterMinutes() == null ? null
                : now.plus(Duration.ofMinutes(run.stopAfterMinutes())));
        going.put(runId, handle);
        try {
            workers.execute(() -> execute(handle, runner));
        } catch (RuntimeException e) {
            going.remove(runId);
            end(runId, DeviceRunState.FAILED, "The server could not start the run: " + e.getMessage(), Map.of(),
                    TaskRunState.COMPLETED);
            throw e;
        }
        return run;
    }

    /** Stops the runs whose time limit has run out. */
    void stopOverdue() {
        Instant now = now();
        for (Handle handle : going.values()) {
            if (handle.deadline != null && !handle.deadline.isAfter(now)) {
                handle.stop("Stopped: still running after " + handle.run.stopAfterMinutes() + " minutes", false);
            }
        }
    }

    /** When the earliest time limit of a run that is going runs out, if any does. */
    Optional<Instant> earliestDeadline() {
        return going.values().stream().filter(handle -> handle.deadline != null && handle.reason == null)
                .map(handle -> handle.deadline).min(Comparator.naturalOrder());
    }

    /**
     * Stops a run that is going: its runner's thread is interrupted and the run ends as cancelled (by an admin) or
     * with the device state cancelled (time limit).
     *
     * @return whether the run was going on this server
     */
    boolean stop(UUID runId, String message, boolean byAdmin) {
        Handle handle = going.get(runId);
        if (handle == null) {
            return false;
        }
        handle.stop(message, byAdmin);
        if (byAdmin) {
            end(runId, DeviceRunState.CANCELLED, message, Map.of(), TaskRunState.CANCELLED);
        }
        return true;
    }

    /**
     * Ends a run that was going when the server stopped: it cannot go on, so it failed.
     */
    void abandoned(StoredRun run) {
        if (going.containsKey(run.id())) {
            return;
        }
        end(run.id(), DeviceRunState.FAILED, "The server stopped while the run was going", Map.of(),
                TaskRunState.COMPLETED);
        transactions.runInTransaction(connection -> tasks.releaseServerRun(connection, run.id()));
    }

    /** Interrupts every run and waits briefly for the runners to stop. */
    void shutdown() {
        going.values().forEach(handle -> handle.stop("The server stopped while the run was going", false));
        workers.shutdownNow();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("A run of a server task did not stop within 10 s of being interrupted");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void execute(Handle handle, ServerTaskRunner runner) {
        UUID runId = handle.run.id();
        DeviceRunState state;
        String message = null;
        Map<String, Object> result = Map.of();
        try {
            if (!handle.begin()) {
                throw new InterruptedException("stopped before it began");
            }
            transactions.runInTransaction(connection -> runs.moveServerTarget(connection, runId,
                    DeviceRunState.RUNNING, null, null, now()));
            Map<String, Object> returned = runner.run(handle.context);
            result = returned == null ? Map.of() : returned;
            state = DeviceRunState.SUCCEEDED;
        } catch (InterruptedException e) {
            state = DeviceRunState.CANCELLED;
            message = handle.reason == null ? "Interrupted" : handle.reason;
        } catch (Exception e) {
            if (handle.reason != null) {
                state = DeviceRunState.CANCELLED;
                message = handle.reason;
            } else {
                state = DeviceRunState.FAILED;
                message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                        : e.getMessage();
                LOG.warn("Run {} of the server task {}/{} failed", runId, handle.run.application(),
                        handle.run.type(), e);
            }
        }
        // the interrupt that stopped the runner must not break the writes that record it
        handle.finish();
        Thread.interrupted();
        try {
            end(runId, state, message, result, handle.byAdmin ? TaskRunState.CANCELLED : TaskRunState.COMPLETED);
            transactions.runInTransaction(connection -> tasks.releaseServerRun(connection, runId));
        } catch (RuntimeException e) {
            LOG.error("Could not record the end of run {}; it is recorded as failed at the next start", runId, e);
        } finally {
            going.remove(runId);
        }
    }

    private void end(UUID runId, DeviceRunState state, String message, Map<String, Object> result,
            TaskRunState runState) {
        Instant now = now();
        transactions.runInTransaction(connection -> {
            runs.moveServerTarget(connection, runId, state, message, result, now);
            runs.finish(connection, runId, runState, runState == TaskRunState.CANCELLED ? message : null, now);
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * A run that is going, and how to stop it: its runner's thread is interrupted only while the runner works, never
     * while the run's end is recorded.
     */
    private static final class Handle {

        private final StoredRun run;
        private final Instant deadline;
        private final ServerTaskContext context;
        private Thread worker;
        private boolean finished;
        private volatile String reason;
        private volatile boolean byAdmin;

        Handle(StoredRun run, Instant deadline) {
            this.run = run;
            this.deadline = deadline;
            this.context = new ServerTaskContext() {
                @Override
                public UUID taskId() {
                    return run.taskId();
                }

                @Override
                public UUID runId() {
                    return run.id();
                }

                @Override
                public Map<String, Object> parameters() {
                    return run.parameters();
                }

                @Override
                public boolean cancelled() {
                    return reason != null;
                }
            };
        }

        /** @return whether the runner may start (the run was not stopped before) */
        synchronized boolean begin() {
            worker = Thread.currentThread();
            return reason == null;
        }

        synchronized void finish() {
            finished = true;
            worker = null;
        }

        synchronized void stop(String message, boolean admin) {
            if (reason == null && !finished) {
                reason = message;
                byAdmin = admin;
                if (worker != null) {
                    worker.interrupt();
                }
            }
        }
    }
}
