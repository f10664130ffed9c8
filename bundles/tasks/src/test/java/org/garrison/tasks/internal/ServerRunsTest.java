package org.garrison.tasks.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.garrison.api.Ids;
import org.garrison.api.agent.Instruction;
import org.garrison.api.error.ConflictException;
import org.garrison.api.plugin.TaskTypeDefinition;
import org.garrison.api.task.DeviceRunState;
import org.garrison.api.task.RunTrigger;
import org.garrison.api.task.ScheduleKind;
import org.garrison.api.task.ServerTaskContext;
import org.garrison.api.task.ServerTaskRunner;
import org.garrison.api.task.TaskDraft;
import org.garrison.api.task.TaskRun;
import org.garrison.api.task.TaskRunDevice;
import org.garrison.api.task.TaskRunState;
import org.garrison.api.task.TaskSchedule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServerRunsTest {

    private TaskTesting t;
    private GatedRunner runner;

    @BeforeEach
    void setUp() throws Exception {
        t = new TaskTesting();
        runner = new GatedRunner();
        t.types.addRunner(runner);
    }

    @AfterEach
    void tearDown() {
        runner.release.countDown();
        t.close();
    }

    @Test
    void aServerRunRecordsItsResultWithoutADevice() throws Exception {
        UUID taskId = t.create(serverTask(TaskSchedule.manual(), Map.of("size", 3)));
        TaskRun run = t.service.start(taskId, TaskTesting.ADMIN);
        assertTrue(runner.started.await(10, TimeUnit.SECONDS));
        assertEquals(Map.of("size", 3), runner.parameters);
        assertEquals(DeviceRunState.RUNNING, only(taskId, run.id()).state());
        runner.release.countDown();
        TaskRun done = awaitEnd(taskId, run.id());
        assertEquals(TaskRunState.COMPLETED, done.state());
        assertEquals(1, done.counts().succeeded());
        TaskRunDevice server = only(taskId, run.id());
        assertNull(server.deviceId());
        assertEquals(Map.of("done", true), server.result());
    }

    @Test
    void onlyOneRunOfAServerTaskGoesAtATime() throws Exception {
        UUID taskId = t.create(serverTask(TaskSchedule.manual(), Map.of()));
        TaskRun first = t.service.start(taskId, TaskTesting.ADMIN);
        ConflictException busy = assertThrows(ConflictException.class,
                () -> t.service.start(taskId, TaskTesting.ADMIN));
        assertTrue(busy.getMessage().contains("still running"), busy.getMessage());
        runner.release.countDown();
        awaitEnd(taskId, first.id());
        awaitSlotFree(taskId);
        TaskRun second = t.service.start(taskId, TaskTesting.ADMIN);
        assertEquals(TaskRunState.COMPLETED, awaitEnd(taskId, second.id()).state());
    }

    @Test
    void aFailingRunnerFailsTheRunWithItsMessage() throws Exception {
        runner.failure = "the disk is full";
        runner.release.countDown();
        UUID taskId = t.create(serverTask(TaskSchedule.manual(), Map.of()));
        TaskRun run = awaitEnd(taskId, t.service.start(taskId, TaskTesting.ADMIN).id());
        assertEquals(TaskRunState.COMPLETED, run.state());
        TaskRunDevice server = only(taskId, run.id());
        assertEquals(DeviceRunState.FAILED, server.state());
        assertEquals("the disk is full", server.message());
    }

    @Test
    void cancellingAServerRunInterruptsItsRunner() throws Exception {
        UUID taskId = t.create(serverTask(TaskSchedule.manual(), Map.of()));
        TaskRun run = t.service.start(taskId, TaskTesting.ADMIN);
        assertTrue(runner.started.await(10, TimeUnit.SECONDS));
        TaskRun cancelled = t.service.cancel(taskId, run.id(), TaskTesting.ADMIN);
        assertEquals(TaskRunState.CANCELLED, cancelled.state());
        assertTrue(runner.interrupted.await(10, TimeUnit.SECONDS), "the runner's thread was interrupted");
        assertEquals(DeviceRunState.CANCELLED, only(taskId, run.id()).state());
        awaitSlotFree(taskId);
    }

    @Test
    void theTimeLimitStopsAServerRun() throws Exception {
        UUID taskId = t.create(serverTask(new TaskSchedule(ScheduleKind.MANUAL, null, null, null, null, null, null,
                null, null, 0, false, 10), Map.of()));
        TaskRun run = t.service.start(taskId, TaskTesting.ADMIN);
        assertTrue(runner.started.await(10, TimeUnit.SECONDS));
        t.advance(Duration.ofMinutes(9));
        assertEquals(1L, runner.interrupted.getCount(), "not stopped before its limit");
        t.advance(Duration.ofMinutes(1));
        assertTrue(runner.interrupted.await(10, TimeUnit.SECONDS));
        TaskRun stopped = awaitEnd(taskId, run.id());
        assertEquals(TaskRunState.COMPLETED, stopped.state());
        TaskRunDevice server = only(taskId, run.id());
        assertEquals(DeviceRunState.CANCELLED, server.state());
        assertTrue(server.message().contains("10 minutes"), server.message());
    }

    @Test
    void aRunThatWasGoingWhenTheServerStoppedHasFailed() throws Exception {
        UUID taskId = t.create(serverTask(TaskSchedule.manual(), Map.of()));
        UUID runId = Ids.newId();
        Instant now = t.clock.instant();
        TaskJson json = new TaskJson();
        TaskRepository tasks = new TaskRepository(json);
        RunRepository runs = new RunRepository(json);
        t.database.transactions().runInTransaction(connection -> {
            assertTrue(tasks.claimServerRun(connection, taskId, runId));
            runs.insert(connection, new StoredRun(runId, taskId, TaskRunState.RUNNING, RunTrigger.MANUAL,
                    TaskTypeDefinition.SERVER, GatedRunner.TYPE.type(), Map.of(), null, now, now, null,
                    TaskTesting.ADMIN, null, 0));
            runs.insertTargets(connection, runId, List.of(new RunRepository.NewTarget(null, null, null)), now);
        });
        t.restart();
        TaskRun run = t.run(taskId, runId);
        assertEquals(TaskRunState.COMPLETED, run.state());
        TaskRunDevice server = only(taskId, runId);
        assertEquals(DeviceRunState.FAILED, server.state());
        assertEquals("The server stopped while the run was going", server.message());
        runner.release.countDown();
        TaskRun again = t.service.start(taskId, TaskTesting.ADMIN);
        assertEquals(TaskRunState.COMPLETED, awaitEnd(taskId, again.id()).state(), "the task can run again");
    }

    @Test
    void aScheduledServerTaskStartsAtARandomMomentWithinItsDelay() {
        UUID taskId = t.create(serverTask(new TaskSchedule(ScheduleKind.DAILY, null, null, null, LocalTime.of(3, 0),
                null, null, null, null, 30, false, null), Map.of()));
        Instant nominal = Instant.parse("2026-06-02T03:00:00Z");
        Instant startAt = t.service.get(taskId).nextRunAt();
        assertTrue(!startAt.isBefore(nominal) && !startAt.isAfter(nominal.plus(Duration.ofMinutes(30))),
                startAt::toString);
        runner.release.countDown();
        t.clock.set(startAt);
        t.engine.workNow();
        List<TaskRun> runs = t.runs(taskId);
        assertEquals(1, runs.size());
        assertEquals(nominal, runs.get(0).scheduledFor(), "the run stands for the schedule's time");
    }

    @Test
    void aServerTaskTypeWithoutItsRunnerCannotStart() {
        UUID taskId = t.create(serverTask(TaskSchedule.manual(), Map.of()));
        t.types.removeRunner(runner);
        assertThrows(ConflictException.class, () -> t.service.start(taskId, TaskTesting.ADMIN));
        assertEquals(List.of(), t.service.taskTypes().stream().filter(type -> type.application().equals("server"))
                .toList());
        assertEquals(2, t.service.taskTypes().stream().filter(type -> type.application().equals("agent")).count());
        assertTrue(t.service.taskType(TaskTypeDefinition.AGENT, Instruction.SYNC_NOW).isPresent());
    }

    private TaskRunDevice only(UUID taskId, UUID runId) {
        List<TaskRunDevice> devices = t.devices(taskId, runId);
        assertEquals(1, devices.size());
        return devices.get(0);
    }

    /** Waits for the run's end as its thread records it. */
    private TaskRun awaitEnd(UUID taskId, UUID runId) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            TaskRun run = t.run(taskId, runId);
            if (run.state() != TaskRunState.RUNNING && run.counts().open() == 0) {
                return run;
            }
            assertTrue(System.nanoTime() < deadline, "the run did not end: " + run);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    private void awaitSlotFree(UUID taskId) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (t.service.find(taskId).serverRunId() != null) {
            assertTrue(System.nanoTime() < deadline, "the run's thread did not end");
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    private static TaskDraft serverTask(TaskSchedule schedule, Map<String, Object> parameters) {
        return new TaskDraft("Server task", TaskTypeDefinition.SERVER, GatedRunner.TYPE.type(), parameters, null,
                schedule, true);
    }

    /** A server task type whose runs go on until the test releases them. */
    private static final class GatedRunner implements ServerTaskRunner {

        static final TaskTypeDefinition TYPE = new TaskTypeDefinition(TaskTypeDefinition.SERVER, "gated", "Gated",
                null, "{\"type\":\"object\"}", false);

        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch interrupted = new CountDownLatch(1);
        volatile Map<String, Object> parameters;
        volatile String failure;

        @Override
        public TaskTypeDefinition type() {
            return TYPE;
        }

        @Override
        public Map<String, Object> run(ServerTaskContext context) throws Exception {
            parameters = context.parameters();
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
            return Map.of("done", true);
        }
    }
}
