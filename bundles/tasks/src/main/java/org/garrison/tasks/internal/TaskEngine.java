package org.garrison.tasks.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

import org.garrison.api.Actor;
import org.garrison.api.Ids;
import org.garrison.api.agent.AgentInstructions;
import org.garrison.api.agent.InstructionResultListener;
import org.garrison.api.agent.InstructionStatus;
import org.garrison.api.device.DeviceService;
import org.garrison.api.error.ConflictException;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.plugin.TaskTypeDefinition;
import org.garrison.api.store.MigratedSchema;
import org.garrison.api.store.Transactions;
import org.garrison.api.task.RunTrigger;
import org.garrison.api.task.ServerTaskRunner;
import org.garrison.api.task.Task;
import org.garrison.api.task.TaskRun;
import org.garrison.api.task.TaskRunState;
import org.garrison.tasks.internal.schedule.Firing;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts, feeds and ends task runs on a thread of its own, the task engine: it starts the tasks whose schedule is
 * due, sends devices their instructions when their (randomly delayed) moment comes, applies the results devices
 * report, and stops what runs longer than its task allows. It sleeps until the next thing it knows to be due (at most
 * {@link TasksConfig#maxPauseSeconds()}), and is woken when tasks change or results arrive. Changes to runs go
 * through this one thread, so they never contend with each other; the database's conditional updates keep them
 * consistent with the few changes made elsewhere (deleting tasks).
 *
 * <p>Due times are stored with each task and moved to the next time in the same transaction that starts the run,
 * so a restart neither repeats a start nor loses one; starts missed while the server was down happen once if the
 * task runs if missed.
 */
@Component(service = {TaskEngine.class, InstructionResultListener.class}, configurationPid = TasksConfig.PID)
@Designate(ocd = TasksConfig.class)
public class TaskEngine implements InstructionResultListener {

    /** Who starts scheduled runs. */
    public static final Actor SCHEDULER = Actor.system("task-scheduler");

    private static final Logger LOG = LoggerFactory.getLogger(TaskEngine.class);
    private static final int RESULTS_PER_TRANSACTION = 1000;
    /** Rounds of each kind of work per wake-up before the engine lets the others' turn come. */
    private static final int ROUNDS = 20;

    private final Transactions transactions;
    private final AgentInstructions instructions;
    private final TaskTypeCatalog types;
    private final Clock clock;
    private final RandomGenerator random;
    private final TaskJson json = new TaskJson();
    private final TaskRepository tasks = new TaskRepository(json);
    private final RunRepository runs = new RunRepository(json);
    private final DeviceRuns deviceRuns;
    private final ServerRuns serverRuns;
    private final ConcurrentLinkedQueue<InstructionStatus> reported = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService engine;
    private volatile Thread engineThread;
    private volatile TasksConfig config;
    private ScheduledFuture<?> nextTick;
    private volatile boolean autonomous;

    @Activate
    public TaskEngine(@Reference Transactions transactions, @Reference AgentInstructions instructions,
            @Reference DeviceService devices, @Reference TaskTypeCatalog types,
            @Reference(target = "(garrison.schema=tasks)") MigratedSchema schema, TasksConfig config) {
        this(transactions, instructions, devices, types, config, Clock.systemUTC(), RandomGenerator.getDefault());
        autonomous = true;
        engine.execute(this::recover);
        wake();
    }

    /** An engine that works only when asked ({@link #workNow()}), for tests. */
    TaskEngine(Transactions transactions, AgentInstructions instructions, DeviceService devices,
            TaskTypeCatalog types, TasksConfig config, Clock clock, RandomGenerator random) {
        this.transactions = transactions;
        this.instructions = instructions;
        this.types = types;
        this.config = config;
        this.clock = clock;
        this.random = random;
        this.deviceRuns = new DeviceRuns(transactions, instructions, devices, tasks, runs, clock, random);
        this.serverRuns = new ServerRuns(transactions, tasks, runs, clock, config.serverRunThreads());
        this.engine = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "garrison-task-engine");
            thread.setDaemon(true);
            engineThread = thread;
            return thread;
        });
    }

    @Modified
    void modified(TasksConfig changed) {
        config = changed;
        wake();
    }

    @Deactivate
    void deactivate() {
        for (Runnable waiting : engine.shutdownNow()) {
            // callers waiting for work that will never run must not wait forever
            if (waiting instanceof Future<?> future) {
                future.cancel(false);
            }
        }
        serverRuns.shutdown();
    }

    // ---- what others ask of the engine

    /** Makes the engine look for due work now, e.g. after a task's schedule changed. */
    public synchronized void wake() {
        if (!autonomous || engine.isShutdown()) {
            return;
        }
        if (nextTick != null) {
            nextTick.cancel(false);
        }
        nextTick = engine.schedule(this::tick, 0, TimeUnit.MILLISECONDS);
    }

    @Override
    public void resultReported(InstructionStatus status) {
        if (DeviceRuns.runOf(status.reference()).isPresent()) {
            reported.add(status);
            wake();
        }
    }

    /**
     * Starts a run of the task now, on the engine's thread.
     *
     * @throws ConflictException if the task type is not available, or a run of a server task is still going
     */
    public TaskRun start(UUID taskId, Actor actor) {
        return onEngine(() -> {
            StoredTask task = transactions.inTransaction(connection -> tasks.find(connection, taskId))
                    .orElseThrow(() -> new NotFoundException("Task", taskId));
            StoredRun run = start(task, RunTrigger.MANUAL, clock.instant().truncatedTo(ChronoUnit.MILLIS), actor,
                    false);
            wake();
            return view(run.id());
        });
    }

    /** Cancels a run, on the engine's thread; a run that has ended is left as it is. */
    public TaskRun cancel(UUID taskId, UUID runId, Actor actor) {
        return onEngine(() -> {
            StoredRun run = transactions.inTransaction(connection -> runs.find(connection, runId))
                    .filter(found -> found.taskId().equals(taskId))
                    .orElseThrow(() -> new NotFoundException("Run", runId));
            if (run.state() == TaskRunState.RUNNING) {
                String message = "Cancelled by " + actor.name();
                if (!serverRuns.stop(runId, message, true)) {
                    // a device run, or a server run no thread holds any more: its open part is settled here
                    transactions.runInTransaction(connection -> {
                        deviceRuns.cancel(connection, run, TaskRunState.CANCELLED, message);
                        tasks.releaseServerRun(connection, runId);
                    });
                }
            }
            return view(runId);
        });
    }

    /**
     * Ends the task's running runs because it is being deleted, in the caller's transaction and on its thread (the
     * deletion and the cancellation of its instructions belong together).
     */
    void endRunsOf(Connection connection, UUID taskId, String message) throws SQLException {
        for (StoredRun run : runs.running(connection, taskId)) {
            if (!serverRuns.stop(run.id(), message, true)) {
                deviceRuns.cancel(connection, run, TaskRunState.CANCELLED, message);
            }
        }
    }

    /** A run with its devices' counts. */
    TaskRun view(UUID runId) {
        return transactions.inTransaction(connection -> {
            StoredRun run = runs.find(connection, runId).orElseThrow(() -> new NotFoundException("Run", runId));
            return run.view(runs.counts(connection, List.of(runId)).getOrDefault(runId, Map.of()));
        });
    }

    // ---- the engine's own work

    /** Runs that were going when the server stopped: server runs failed, device runs catch up with results. */
    private void recover() {
        try {
            List<StoredRun> going = transactions.inTransaction(runs::running);
            for (StoredRun run : going) {
                Optional<StoredTask> task = transactions.inTransaction(connection -> tasks.find(connection,
                        run.taskId()));
                if (task.isPresent() && task.get().task().runsOnServer()) {
                    serverRuns.abandoned(run);
                } else {
                    deviceRuns.reconcile(run);
                }
            }
        } catch (RuntimeException e) {
            LOG.error("Could not catch up with the runs that were going when the server stopped", e);
        }
    }

    private void tick() {
        try {
            work();
        } catch (RuntimeException e) {
            LOG.error("The task engine failed; it tries again shortly", e);
        } finally {
            scheduleNextTick();
        }
    }

    private void work() {
        applyResults();
        fireDueTasks();
        sendDueInstructions();
        stopOverdue();
        serverRuns.stopOverdue();
    }

    /** Does what is due now on the engine's thread and waits for it, for tests. */
    void workNow() {
        onEngine(() -> {
            work();
            return null;
        });
    }

    /** Catches up with the runs that were going, as at a start, for tests. */
    void recoverNow() {
        onEngine(() -> {
            recover();
            return null;
        });
    }

    private void applyResults() {
        for (int round = 0; round < ROUNDS && !reported.isEmpty(); round++) {
            List<InstructionStatus> batch = new ArrayList<>();
            InstructionStatus status;
            while (batch.size() < RESULTS_PER_TRANSACTION && (status = reported.poll()) != null) {
                batch.add(status);
            }
            deviceRuns.apply(batch);
        }
    }

    private void fireDueTasks() {
        TasksConfig current = config;
        Instant now = clock.instant();
        List<StoredTask> due = transactions.inTransaction(connection -> tasks.due(connection, now,
                current.batchSize()));
        for (StoredTask task : due) {
            try {
                fire(task, now, current);
            } catch (RuntimeException e) {
                LOG.error("The scheduled start of task {} ({}) failed", task.id(), task.task().name(), e);
            }
        }
    }

    private void fire(StoredTask stored, Instant now, TasksConfig current) {
        Task task = stored.task();
        Instant scheduledFor = stored.nextFireAt() == null ? task.nextRunAt() : stored.nextFireAt();
        Firing firing = Firing.of(task.schedule(), task.nextRunAt(), scheduledFor, now,
                Duration.ofSeconds(current.missedAfterSeconds()), task.runsOnServer(), random);
        RunTrigger trigger = firing.missed() ? RunTrigger.MISSED : RunTrigger.SCHEDULE;
        Optional<String> unavailable = unavailable(task);
        if (task.runsOnServer() || unavailable.isPresent()) {
            // the time moves on first, so a start that fails (or a run on its own thread) never starts twice
            boolean advanced = transactions.inTransaction(connection -> {
                boolean moved = tasks.advance(connection, task.id(), task.nextRunAt(), firing.nominal(),
                        firing.startAt());
                if (moved && firing.run() && unavailable.isPresent()) {
                    notStarted(connection, task, trigger, scheduledFor, "Not started: " + unavailable.get());
                }
                return moved;
            });
            if (advanced && unavailable.isEmpty() && runs(task, firing)) {
                try {
                    start(stored, trigger, scheduledFor, SCHEDULER, true);
                } catch (ConflictException busy) {
                    LOG.info("Task {} ({}) was due but could not start: {}", task.id(), task.name(),
                            busy.getMessage());
                }
            }
            return;
        }
        try {
            // a device run starts in the transaction that moves the time on: both happen, or neither
            transactions.runInTransaction(connection -> {
                if (tasks.advance(connection, task.id(), task.nextRunAt(), firing.nominal(), firing.startAt())
                        && runs(task, firing)) {
                    start(stored, trigger, scheduledFor, SCHEDULER, true);
                }
            });
        } catch (RuntimeException e) {
            LOG.error("The scheduled start of task {} ({}) failed; it starts again at its next time", task.id(),
                    task.name(), e);
            transactions.inTransaction(connection -> tasks.advance(connection, task.id(), task.nextRunAt(),
                    firing.nominal(), firing.startAt()));
        }
    }

    /** Why the task cannot run now, if it cannot: its type or the type's runner is not there. */
    private Optional<String> unavailable(Task task) {
        String type = task.application() + "/" + task.type();
        if (types.find(task.application(), task.type()).isEmpty()) {
            return Optional.of("The task type " + type + " is not available (is its plugin active?)");
        }
        if (task.runsOnServer() && types.runner(task.application(), task.type()).isEmpty()) {
            return Optional.of("Nothing on this server runs the task type " + type + " now");
        }
        return Optional.empty();
    }

    /** Records a scheduled start that could not happen, so admins see it with the task's runs. */
    private void notStarted(Connection connection, Task task, RunTrigger trigger, Instant scheduledFor,
            String message) throws SQLException {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        StoredRun run = new StoredRun(Ids.newId(), task.id(), TaskRunState.COMPLETED, trigger,
                task.application(), task.type(), task.parameters(), null, scheduledFor, now, now, SCHEDULER, message,
                0);
        runs.insert(connection, run);
        tasks.setLastRun(connection, task.id(), run.id());
        runs.deleteOldRuns(connection, task.id(), config.keptRunsPerTask());
        LOG.warn("Task {} ({}): {}", task.id(), task.name(), message);
    }

    private static boolean runs(Task task, Firing firing) {
        if (!firing.run()) {
            LOG.info("Task {} ({}) was due at {} while the server was down; it does not run if missed", task.id(),
                    task.name(), task.nextRunAt());
        }
        return firing.run();
    }

    private StoredRun start(StoredTask stored, RunTrigger trigger, Instant scheduledFor, Actor actor,
            boolean spread) {
        Task task = stored.task();
        Optional<String> unavailable = unavailable(task);
        if (unavailable.isPresent()) {
            throw new ConflictException(unavailable.get());
        }
        TaskTypeDefinition type = types.find(task.application(), task.type()).orElseThrow();
        if (!task.runsOnServer()) {
            return deviceRuns.start(stored, type, trigger, scheduledFor, actor, spread, config.keptRunsPerTask());
        }
        ServerTaskRunner runner = types.runner(task.application(), task.type()).orElseThrow();
        return serverRuns.start(stored, runner, trigger, scheduledFor, actor, config.keptRunsPerTask());
    }

    private void sendDueInstructions() {
        int batch = config.batchSize();
        for (int round = 0; round < ROUNDS; round++) {
            List<UUID> sent = deviceRuns.dispatch(batch);
            if (!sent.isEmpty()) {
                try {
                    instructions.syncNow(sent);
                } catch (RuntimeException e) {
                    LOG.warn("Could not wake the agents of {} devices; they get their instructions at their next "
                            + "sync", sent.size(), e);
                }
            }
            if (sent.size() < batch) {
                return;
            }
        }
    }

    private void stopOverdue() {
        int batch = config.batchSize();
        for (int round = 0; round < ROUNDS; round++) {
            if (deviceRuns.stopOverdue(batch) < batch) {
                return;
            }
        }
    }

    private synchronized void scheduleNextTick() {
        if (!autonomous || engine.isShutdown()) {
            return;
        }
        Instant now = clock.instant();
        Duration pause = Duration.ofSeconds(config.maxPauseSeconds());
        try {
            Optional<Instant> earliest = transactions.inTransaction(connection -> earliest(connection));
            if (earliest.isPresent()) {
                Duration until = Duration.between(now, earliest.get());
                pause = until.isNegative() ? Duration.ZERO : until.compareTo(pause) < 0 ? until : pause;
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not read when the next task work is due; looking again in {} s", pause.toSeconds(), e);
        }
        if (!reported.isEmpty()) {
            pause = Duration.ZERO;
        }
        if (nextTick != null) {
            nextTick.cancel(false);
        }
        // at least a little pause, so a due time the clock has not quite reached does not spin the thread
        nextTick = engine.schedule(this::tick, Math.max(pause.toMillis(), pause.isZero() ? 0 : 50),
                TimeUnit.MILLISECONDS);
    }

    private Optional<Instant> earliest(Connection connection) throws SQLException {
        Optional<Instant> earliest = Optional.empty();
        for (Optional<Instant> candidate : List.of(tasks.earliestDue(connection), runs.earliestDispatch(connection),
                runs.earliestDeadline(connection), serverRuns.earliestDeadline())) {
            if (candidate.isPresent() && (earliest.isEmpty() || candidate.get().isBefore(earliest.get()))) {
                earliest = candidate;
            }
        }
        return earliest;
    }

    /** Runs the work on the engine's thread and waits for it (at once when called from that thread). */
    private <T> T onEngine(Callable<T> work) {
        try {
            if (Thread.currentThread() == engineThread) {
                return work.call();
            }
            Future<T> future = engine.submit(work);
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the task engine", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
