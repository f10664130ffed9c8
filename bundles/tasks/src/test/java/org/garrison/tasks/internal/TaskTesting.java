package org.garrison.tasks.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import org.garrison.api.Actor;
import org.garrison.api.ActorKind;
import org.garrison.api.PageRequest;
import org.garrison.api.agent.InstructionState;
import org.garrison.api.agent.InstructionStatus;
import org.garrison.api.task.TaskDraft;
import org.garrison.api.task.TaskRun;
import org.garrison.api.task.TaskRunDevice;
import org.garrison.store.internal.TestDatabase;

/**
 * The tasks area over a fresh test database, with the areas around it in memory: groups, devices, the agent
 * gateway's instruction queue, the audit trail and the plugin platform. {@link #restart()} builds a new engine and
 * service over the same database, as a server restart does.
 */
final class TaskTesting implements AutoCloseable {

    static final Actor ADMIN = new Actor(ActorKind.ACCOUNT, UUID.randomUUID().toString(), "admin");

    final TestDatabase database;
    final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));
    final TestGroups groups = new TestGroups();
    final TestDevices devices = new TestDevices(groups);
    final TestInstructions instructions = new TestInstructions(devices, clock);
    final TestAudit audit = new TestAudit();
    final TestPlugins plugins = new TestPlugins();
    final ScriptedValidator validator = new ScriptedValidator();
    final TaskTypeCatalog types = new TaskTypeCatalog();
    final SplittableRandom random = new SplittableRandom(42);
    private final TasksConfig config;
    TaskEngine engine;
    TasksService service;

    TaskTesting() throws Exception {
        this(TestConfig.defaults());
    }

    TaskTesting(TasksConfig config) throws Exception {
        this.config = config;
        database = TestDatabase.withSchema("tasks", "db/tasks.sql", TaskTesting.class.getClassLoader());
        types.plugins = plugins;
        start();
    }

    private void start() {
        engine = new TaskEngine(database.transactions(), instructions, devices, types, config, clock, random);
        service = new TasksService(database.transactions(), audit.history(), audit.registry(), engine, types, groups,
                devices, clock, random);
        service.validator = validator;
    }

    /** A new engine and service over the same data, as after a restart; the old engine stops. */
    void restart() {
        engine.deactivate();
        start();
        engine.recoverNow();
    }

    UUID create(TaskDraft draft) {
        return service.create(draft, ADMIN).id();
    }

    /** Moves the clock and lets the engine do what is due. */
    void advance(Duration duration) {
        clock.advance(duration);
        engine.workNow();
    }

    /** A device reports a state for an instruction, and the engine applies it. */
    void report(UUID instructionId, InstructionState state, String message, Map<String, Object> result) {
        InstructionStatus status = instructions.report(instructionId, state, message, result);
        engine.resultReported(status);
        engine.workNow();
    }

    List<TaskRunDevice> devices(UUID taskId, UUID runId) {
        return service.devices(taskId, runId, null, new PageRequest(PageRequest.MAX_LIMIT, null)).items();
    }

    TaskRunDevice device(UUID taskId, UUID runId, UUID deviceId) {
        return devices(taskId, runId).stream().filter(d -> deviceId.equals(d.deviceId())).findFirst().orElseThrow();
    }

    TaskRun run(UUID taskId, UUID runId) {
        return service.run(taskId, runId);
    }

    List<TaskRun> runs(UUID taskId) {
        return service.runs(taskId, new PageRequest(PageRequest.MAX_LIMIT, null)).items();
    }

    @Override
    public void close() {
        engine.deactivate();
    }
}
