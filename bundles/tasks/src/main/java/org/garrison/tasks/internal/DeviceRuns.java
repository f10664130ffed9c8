package org.garrison.tasks.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.random.RandomGenerator;

import org.garrison.api.Actor;
import org.garrison.api.Ids;
import org.garrison.api.agent.AgentInstructions;
import org.garrison.api.agent.InstructionState;
import org.garrison.api.agent.InstructionStatus;
import org.garrison.api.agent.NewInstruction;
import org.garrison.api.device.Device;
import org.garrison.api.device.DeviceService;
import org.garrison.api.plugin.TaskTypeDefinition;
import org.garrison.api.store.Transactions;
import org.garrison.api.task.DeviceRunState;
import org.garrison.api.task.RunTrigger;
import org.garrison.api.task.Task;
import org.garrison.api.task.TaskRunState;
import org.garrison.tasks.internal.RunRepository.DueTarget;
import org.garrison.tasks.internal.RunRepository.NewTarget;
import org.garrison.tasks.internal.RunRepository.OpenTarget;
import org.garrison.tasks.internal.schedule.Firing;

/**
 * Runs on devices: a run adds every device of the task's scope, each gets one instruction through the agent gateway
 * (at once, or at a random moment within the schedule's random delay), and its state follows what the device
 * reports. The gateway is the truth about instructions: when instructions are cancelled (by an admin, a newer run or
 * the time limit), the devices' states are read back from it, so a device that finished just before keeps its
 * result.
 */
final class DeviceRuns {

    private final Transactions transactions;
    private final AgentInstructions instructions;
    private final DeviceService devices;
    private final TaskRepository tasks;
    private final RunRepository runs;
    private final ScopeDevices scopes;
    private final Clock clock;
    private final RandomGenerator random;

    DeviceRuns(Transactions transactions, AgentInstructions instructions, DeviceService devices,
            TaskRepository tasks, RunRepository runs, Clock clock, RandomGenerator random) {
        this.transactions = transactions;
        this.instructions = instructions;
        this.devices = devices;
        this.tasks = tasks;
        this.runs = runs;
        this.scopes = new ScopeDevices(devices);
        this.clock = clock;
        this.random = random;
    }

    /**
     * Starts a run of a device task, in the caller's transaction (or one of its own): the task's earlier runs that
     * are still running are replaced, and every device in scope is added.
     *
     * @param spread whether each device gets its instruction at a random moment within the random delay (scheduled
     *               runs) rather than at once
     */
    StoredRun start(StoredTask stored, TaskTypeDefinition type, RunTrigger trigger, Instant scheduledFor,
            Actor actor, boolean spread, int keptRuns) {
        Task task = stored.task();
        Instant now = now();
        UUID runId = Ids.newId();
        return transactions.inTransaction(connection -> {
            for (StoredRun earlier : runs.running(connection, task.id())) {
                cancel(connection, earlier, TaskRunState.CANCELLED, "Replaced by a newer run (" + runId + ")");
            }
            ScopeDevices.Resolved resolved = scopes.resolve(task.scope(),
                    TaskTypeDefinition.AGENT.equals(type.application()) ? null : type.application());
            StoredRun run = new StoredRun(runId, task.id(), TaskRunState.RUNNING, trigger, task.application(),
                    task.type(), task.parameters(), task.schedule().stopAfterMinutes(), scheduledFor, now, null,
                    actor, null, resolved.skipped());
            runs.insert(connection, run);
            List<NewTarget> targets = new ArrayList<>(resolved.devices().size());
            for (Device device : resolved.devices()) {
                Instant dispatchAt = spread ? now.plus(Firing.randomDelay(task.schedule(), random)) : now;
                targets.add(new NewTarget(device.id(), device.displayName(), dispatchAt));
            }
            runs.insertTargets(connection, runId, targets, now);
            tasks.setLastRun(connection, task.id(), runId);
            runs.deleteOldRuns(connection, task.id(), keptRuns);
            if (targets.isEmpty()) {
                runs.finish(connection, runId, TaskRunState.COMPLETED, resolved.skipped() > 0
                        ? "No device in scope has the application installed" : "No device in scope", now);
                return runs.find(connection, runId).orElseThrow();
            }
            return run;
        });
    }

    /**
     * Sends the instructions that are due, at most {@code limit}, in one transaction.
     *
     * @return the devices that got one (to wake their agents once the transaction has committed)
     */
    List<UUID> dispatch(int limit) {
        Instant now = now();
        return transactions.inTransaction(connection -> {
            List<DueTarget> due = runs.dueForDispatch(connection, now, limit);
            Map<UUID, List<DueTarget>> byRun = new LinkedHashMap<>();
            due.forEach(target -> byRun.computeIfAbsent(target.runId(), id -> new ArrayList<>()).add(target));
            List<UUID> sent = new ArrayList<>();
            for (Map.Entry<UUID, List<DueTarget>> entry : byRun.entrySet()) {
                sent.addAll(dispatch(connection, entry.getKey(), entry.getValue(), now));
            }
            return sent;
        });
    }

    private List<UUID> dispatch(Connection connection, UUID runId, List<DueTarget> due, Instant now)
            throws SQLException {
        StoredRun run = runs.find(connection, runId).orElse(null);
        List<Long> gone = new ArrayList<>();
        if (run == null || run.state() != TaskRunState.RUNNING) {
            due.forEach(target -> gone.add(target.id()));
            runs.finishTargets(connection, gone, DeviceRunState.CANCELLED, "The run ended before the device got "
                    + "its instruction", now);
            return List.of();
        }
        Set<UUID> existing = devices.groupsOf(new LinkedHashSet<>(due.stream().map(DueTarget::deviceId).toList()))
                .keySet();
        List<DueTarget> reachable = new ArrayList<>();
        for (DueTarget target : due) {
            if (existing.contains(target.deviceId())) {
                reachable.add(target);
            } else {
                gone.add(target.id());
            }
        }
        runs.finishTargets(connection, gone, DeviceRunState.FAILED, "The device no longer exists", now);
        if (reachable.isEmpty()) {
            finishIfDone(connection, runId, now);
            return List.of();
        }
        Instant deadline = run.stopAfterMinutes() == null ? null
                : now.plus(Duration.ofMinutes(run.stopAfterMinutes()));
        String application = TaskTypeDefinition.AGENT.equals(run.application()) ? null : run.application();
        List<UUID> deviceIds = reachable.stream().map(DueTarget::deviceId).toList();
        List<UUID> instructionIds = instructions.enqueue(deviceIds, new NewInstruction(run.type(), application,
                run.parameters(), deadline, runId.toString()));
        List<UUID> orphans = new ArrayList<>();
        for (int i = 0; i < reachable.size(); i++) {
            if (!runs.dispatched(connection, reachable.get(i).id(), instructionIds.get(i), deadline, now)) {
                // the device's part ended meanwhile (its task was deleted): its instruction must not stay queued
                orphans.add(instructionIds.get(i));
            }
        }
        if (!orphans.isEmpty()) {
            instructions.cancel(orphans);
        }
        return deviceIds;
    }

    /**
     * Applies what devices reported, in one transaction, and completes the runs whose devices have all finished.
     */
    void apply(List<InstructionStatus> reported) {
        transactions.runInTransaction(connection -> {
            Set<UUID> touched = new LinkedHashSet<>();
            for (InstructionStatus status : reported) {
                if (runOf(status.reference()).isEmpty() || status.state() == InstructionState.PENDING
                        || status.state() == InstructionState.DELIVERED) {
                    continue;
                }
                runs.moveByInstruction(connection, status.id(), stateOf(status.state()), status.message(),
                        status.result(), at(status)).ifPresent(touched::add);
            }
            Instant now = now();
            for (UUID runId : touched) {
                finishIfDone(connection, runId, now);
            }
        });
    }

    /**
     * Stops devices whose time limit ran out, at most {@code limit}, in one transaction.
     *
     * @return how many were stopped or found finished
     */
    int stopOverdue(int limit) {
        Instant now = now();
        return transactions.inTransaction(connection -> {
            List<OpenTarget> overdue = runs.overdue(connection, now, limit);
            Map<UUID, List<OpenTarget>> byRun = new LinkedHashMap<>();
            overdue.forEach(target -> byRun.computeIfAbsent(target.runId(), id -> new ArrayList<>()).add(target));
            for (Map.Entry<UUID, List<OpenTarget>> entry : byRun.entrySet()) {
                StoredRun run = runs.find(connection, entry.getKey()).orElseThrow();
                String message = "Stopped: still not finished " + run.stopAfterMinutes() + " minutes after the "
                        + "device got the instruction";
                settle(connection, run.id(), entry.getValue(), message, now);
                finishIfDone(connection, run.id(), now);
            }
            return overdue.size();
        });
    }

    /**
     * Cancels what a run has outstanding and ends it, in the caller's transaction.
     */
    void cancel(Connection connection, StoredRun run, TaskRunState state, String message) throws SQLException {
        Instant now = now();
        settle(connection, run.id(), runs.open(connection, run.id()), message, now);
        runs.finish(connection, run.id(), state, message, now);
    }

    /**
     * Catches up with results that were reported while they could not be applied (the tasks area was stopped): each
     * running run's devices take the states the gateway holds for their instructions.
     */
    void reconcile(StoredRun run) {
        transactions.runInTransaction(connection -> {
            Map<UUID, InstructionStatus> truth = statuses(run.id());
            for (OpenTarget target : runs.open(connection, run.id())) {
                InstructionStatus status = target.instructionId() == null ? null : truth.get(target.instructionId());
                if (status != null && status.state() != InstructionState.PENDING
                        && status.state() != InstructionState.DELIVERED) {
                    runs.moveByInstruction(connection, status.id(), stateOf(status.state()), status.message(),
                            status.result(), at(status));
                }
            }
            finishIfDone(connection, run.id(), now());
        });
    }

    /**
     * Cancels the open devices' instructions, then gives each device the state the gateway now holds: finished ones
     * keep their result, the others become cancelled with the message.
     */
    private void settle(Connection connection, UUID runId, List<OpenTarget> open, String message, Instant now)
            throws SQLException {
        List<UUID> sent = open.stream().map(OpenTarget::instructionId).filter(id -> id != null).toList();
        if (!sent.isEmpty()) {
            instructions.cancel(sent);
        }
        Map<UUID, InstructionStatus> truth = sent.isEmpty() ? Map.of() : statuses(runId);
        List<Long> cancelled = new ArrayList<>();
        for (OpenTarget target : open) {
            InstructionStatus status = target.instructionId() == null ? null : truth.get(target.instructionId());
            if (status != null && (status.state() == InstructionState.SUCCEEDED
                    || status.state() == InstructionState.FAILED)) {
                runs.moveByInstruction(connection, status.id(), stateOf(status.state()), status.message(),
                        status.result(), at(status));
            } else {
                cancelled.add(target.id());
            }
        }
        runs.finishTargets(connection, cancelled, DeviceRunState.CANCELLED, message, now);
    }

    private Map<UUID, InstructionStatus> statuses(UUID runId) {
        Map<UUID, InstructionStatus> byId = new HashMap<>();
        for (InstructionStatus status : instructions.byReference(runId.toString())) {
            byId.put(status.id(), status);
        }
        return byId;
    }

    private void finishIfDone(Connection connection, UUID runId, Instant now) throws SQLException {
        if (!runs.hasOpen(connection, runId)) {
            runs.finish(connection, runId, TaskRunState.COMPLETED, null, now);
        }
    }

    static DeviceRunState stateOf(InstructionState state) {
        return switch (state) {
            case PENDING, DELIVERED -> DeviceRunState.PENDING;
            case RUNNING -> DeviceRunState.RUNNING;
            case SUCCEEDED -> DeviceRunState.SUCCEEDED;
            case FAILED -> DeviceRunState.FAILED;
            case CANCELLED -> DeviceRunState.CANCELLED;
        };
    }

    /** The run a device instruction belongs to, if its reference is one of ours. */
    static Optional<UUID> runOf(String reference) {
        if (reference == null || reference.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(reference));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Instant at(InstructionStatus status) {
        return status.updatedAt() == null ? now() : status.updatedAt();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
