package org.garrison.tasks.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.agent.Instruction;
import org.garrison.api.agent.InstructionState;
import org.garrison.api.agent.NewInstruction;
import org.garrison.api.error.ConflictException;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.plugin.TaskTypeDefinition;
import org.garrison.api.task.DeviceRunState;
import org.garrison.api.task.IntervalUnit;
import org.garrison.api.task.RunCounts;
import org.garrison.api.task.RunTrigger;
import org.garrison.api.task.ScheduleKind;
import org.garrison.api.task.TaskDraft;
import org.garrison.api.task.TaskRun;
import org.garrison.api.task.TaskRunDevice;
import org.garrison.api.task.TaskRunState;
import org.garrison.api.task.TaskSchedule;
import org.garrison.api.task.TaskScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeviceRunsTest {

    private TaskTesting t;
    private UUID group;

    @BeforeEach
    void setUp() throws Exception {
        t = new TaskTesting();
        group = t.groups.add(AdministrationGroup.MANAGED_DEVICES, "Office");
    }

    @AfterEach
    void tearDown() {
        t.close();
    }

    @Test
    void eachDeviceGetsOneInstructionAndItsStateFollowsWhatTheDeviceReports() {
        UUID first = t.devices.add(group, "ws-1");
        UUID second = t.devices.add(group, "ws-2");
        UUID taskId = t.create(agentTask(Instruction.REFRESH_INVENTORY, TaskSchedule.manual()));

        TaskRun run = t.service.start(taskId, TaskTesting.ADMIN);
        assertEquals(TaskRunState.RUNNING, run.state());
        assertEquals(new RunCounts(2, 2, 0, 0, 0, 0, 0), run.counts());
        t.engine.workNow();

        TaskRunDevice one = t.device(taskId, run.id(), first);
        assertEquals("ws-1", one.deviceName());
        assertNotNull(one.instructionId(), "the instruction was sent");
        NewInstruction queued = t.instructions.queued(one.instructionId());
        assertEquals(Instruction.REFRESH_INVENTORY, queued.type());
        assertNull(queued.application(), "the agent's own types go to the agent itself");
        assertEquals(run.id().toString(), queued.reference());
        assertTrue(t.instructions.woken.containsAll(List.of(first, second)), "their agents were asked to sync now");

        t.report(one.instructionId(), InstructionState.RUNNING, null, Map.of());
        assertEquals(DeviceRunState.RUNNING, t.device(taskId, run.id(), first).state());
        t.report(one.instructionId(), InstructionState.SUCCEEDED, null, Map.of("items", 42));
        TaskRunDevice done = t.device(taskId, run.id(), first);
        assertEquals(DeviceRunState.SUCCEEDED, done.state());
        assertEquals(Map.of("items", 42), done.result());
        assertEquals(TaskRunState.RUNNING, t.run(taskId, run.id()).state(), "one device has not finished");

        t.report(t.device(taskId, run.id(), second).instructionId(), InstructionState.FAILED, "disk full", Map.of());
        TaskRun finished = t.run(taskId, run.id());
        assertEquals(TaskRunState.COMPLETED, finished.state());
        assertNotNull(finished.finishedAt());
        assertEquals(new RunCounts(2, 0, 0, 1, 1, 0, 0), finished.counts());
        assertEquals("disk full", t.device(taskId, run.id(), second).message());
    }

    @Test
    void aLateResultDoesNotOverwriteAFinalState() {
        UUID device = t.devices.add(group, "ws-1");
        UUID taskId = t.create(agentTask(Instruction.SYNC_NOW, TaskSchedule.manual()));
        TaskRun run = t.service.start(taskId, TaskTesting.ADMIN);
        t.engine.workNow();
        UUID instruction = t.device(taskId, run.id(), device).instructionId();
        t.report(instruction, InstructionState.SUCCEEDED, null, Map.of());
        // a RUNNING that arrives late (e.g. announced twice) changes nothing
        t.engine.resultReported(new org.garrison.api.agent.InstructionStatus(instruction, device,
                Instruction.SYNC_NOW, null, run.id().toString(), InstructionState.RUNNING, null, Map.of(),
                Instant.now(), Instant.now()));
        t.engine.workNow();
        assertEquals(DeviceRunState.SUCCEEDED, t.device(taskId, run.id(), device).state());
    }

    @Test
    void aDeviceThatJoinsTheGroupLaterIsInTheNextRunAndSubgroupsCount() {
        UUID sub = t.groups.add(group, "Sales");
        UUID early = t.devices.add(sub, "early");
        t.devices.add(AdministrationGroup.UNASSIGNED_DEVICES, "elsewhere");
        UUID taskId = t.create(agentTask(Instruction.SYNC_NOW, TaskSchedule.manual()));
        TaskRun first = t.service.start(taskId, TaskTesting.ADMIN);
        assertEquals(1, first.counts().total());

        UUID late = t.devices.add(group, "late");
        TaskRun second = t.service.start(taskId, TaskTesting.ADMIN);
        assertEquals(2, second.counts().total());
        assertEquals(Set.of(early, late), Set.copyOf(t.devices(taskId, second.id()).stream()
                .map(TaskRunDevice::deviceId).toList()));
    }

    @Test
    void cancellingARunCancelsWhatIsOutstandingAndKeepsWhatFinished() {
        UUID first = t.devices.add(group, "ws-1");
        UUID second = t.devices.add(group, "ws-2");
        UUID taskId = t.create(agentTask(Instruction.REFRESH_INVENTORY, TaskSchedule.manual()));
        TaskRun run = t.service.start(taskId, TaskTesting.ADMIN);
        t.engine.workNow();
        // the first device finished at the gateway, but the result has not reached the tasks area yet
        UUID finishedInstruction = t.device(taskId, run.id(), first).instructionId();
        t.instructions.report(finishedInstruction, InstructionState.SUCCEEDED, null, Map.of("ok", true));
        UUID openInstruction = t.device(taskId, run.id(), second).instructionId();

        TaskRun cancelled = t.service.cancel(taskId, run.id(), TaskTesting.ADMIN);
        assertEquals(TaskRunState.CANCELLED, cancelled.state());
        assertEquals("Cancelled by admin", cancelled.message());
        assertEquals(DeviceRunState.SUCCEEDED, t.device(taskId, run.id(), first).state());
        assertEquals(DeviceRunState.CANCELLED, t.device(taskId, run.id(), second).state());
        assertEquals(InstructionState.CANCELLED, t.instructions.get(openInstruction).state(),
                "the gateway no longer delivers the instruction");
        assertEquals(cancelled, t.service.cancel(taskId, run.id(), TaskTesting.ADMIN), "cancelling again changes "
                + "nothing");
    }

    @Test
    void aNewRunReplacesTheOneStillRunning() {
        UUID device = t.devices.add(group, "offline");
        UUID taskId = t.create(agentTask(Instruction.SYNC_NOW, TaskSchedule.manual()));
        TaskRun first = t.service.start(taskId, TaskTesting.ADMIN);
        t.engine.workNow();
        UUID old = t.device(taskId, first.id(), device).instructionId();
        t.clock.advance(Duration.ofMinutes(5));
        TaskRun second = t.service.start(taskId, TaskTesting.ADMIN);
        TaskRun replaced = t.run(taskId, first.id());
        assertEquals(TaskRunState.CANCELLED, replaced.state());
        assertTrue(replaced.message().contains(second.id().toString()), replaced.message());
        assertEquals(InstructionState.CANCELLED, t.instructions.get(old).state());
        assertEquals(TaskRunState.RUNNING, t.run(taskId, second.id()).state());
        assertEquals(List.of(second.id(), first.id()), t.runs(taskId).stream().map(TaskRun::id).toList());
    }

    @Test
    void theTimeLimitStopsDevicesThatHaveNotFinished() {
        UUID fast = t.devices.add(group, "fast");
        UUID slow = t.devices.add(group, "slow");
        TaskSchedule limited = new TaskSchedule(ScheduleKind.MANUAL, null, null, null, null, null, null, null, null,
                0, false, 30);
        UUID taskId = t.create(agentTask(Instruction.REFRESH_INVENTORY, limited));
        TaskRun run = t.service.start(taskId, TaskTesting.ADMIN);
        t.engine.workNow();
        UUID slowInstruction = t.device(taskId, run.id(), slow).instructionId();
        assertEquals(t.clock.instant().plus(Duration.ofMinutes(30)),
                t.instructions.queued(slowInstruction).expiresAt(), "devices must not start it after the limit");
        t.report(t.device(taskId, run.id(), fast).instructionId(), InstructionState.SUCCEEDED, null, Map.of());
        t.report(slowInstruction, InstructionState.RUNNING, null, Map.of());

        t.advance(Duration.ofMinutes(29));
        assertEquals(DeviceRunState.RUNNING, t.device(taskId, run.id(), slow).state());
        t.advance(Duration.ofMinutes(2));
        TaskRunDevice stopped = t.device(taskId, run.id(), slow);
        assertEquals(DeviceRunState.CANCELLED, stopped.state());
        assertTrue(stopped.message().contains("30 minutes"), stopped.message());
        assertEquals(InstructionState.CANCELLED, t.instructions.get(slowInstruction).state());
        assertEquals(DeviceRunState.SUCCEEDED, t.device(taskId, run.id(), fast).state());
        assertEquals(TaskRunState.COMPLETED, t.run(taskId, run.id()).state());
    }

    @Test
    void aPluginTaskReachesOnlyTheDevicesWithItsApplication() {
        t.plugins.types.add(new TaskTypeDefinition("endpoint-protection", "full-scan", "Full scan", null,
                "{\"type\":\"object\"}", true));
        UUID protectedDevice = t.devices.add(group, "protected", "endpoint-protection");
        t.devices.add(group, "bare");
        UUID taskId = t.create(new TaskDraft("Scan", "endpoint-protection", "full-scan", Map.of("deep", true),
                TaskScope.group(group), TaskSchedule.manual(), true));
        TaskRun run = t.service.start(taskId, TaskTesting.ADMIN);
        assertEquals(1, run.counts().total());
        assertEquals(1, run.counts().skipped());
        t.engine.workNow();
        NewInstruction queued = t.instructions.queued(t.device(taskId, run.id(), protectedDevice).instructionId());
        assertEquals("endpoint-protection", queued.application());
        assertEquals("full-scan", queued.type());
        assertEquals(Map.of("deep", true), queued.parameters());

        t.plugins.types.clear();
        ConflictException gone = assertThrows(ConflictException.class,
                () -> t.service.start(taskId, TaskTesting.ADMIN));
        assertTrue(gone.getMessage().contains("not available"), gone.getMessage());
    }

    @Test
    void aFixedSelectionRunsOnItsDevicesWhereverTheyAre() {
        UUID elsewhere = t.groups.add(AdministrationGroup.MANAGED_DEVICES, "Elsewhere");
        UUID first = t.devices.add(group, "one");
        UUID second = t.devices.add(elsewhere, "two");
        t.devices.add(group, "not selected");
        UUID taskId = t.create(new TaskDraft("Two devices", TaskTypeDefinition.AGENT, Instruction.SYNC_NOW, null,
                TaskScope.devices(List.of(first, second)), TaskSchedule.manual(), true));
        t.devices.delete(second);
        TaskRun run = t.service.start(taskId, TaskTesting.ADMIN);
        assertEquals(1, run.counts().total());
        assertEquals(1, run.counts().skipped(), "a selected device that no longer exists is skipped");
        assertEquals(first, t.devices(taskId, run.id()).get(0).deviceId());
    }

    @Test
    void aRunWithoutDevicesCompletesAtOnce() {
        UUID taskId = t.create(agentTask(Instruction.SYNC_NOW, TaskSchedule.manual()));
        TaskRun run = t.service.start(taskId, TaskTesting.ADMIN);
        assertEquals(TaskRunState.COMPLETED, run.state());
        assertEquals(0, run.counts().total());
        assertEquals("No device in scope", run.message());
    }

    @Test
    void aScheduledRunStartsOnceWhenDueEvenAcrossARestart() {
        UUID device = t.devices.add(group, "ws");
        Instant first = t.clock.instant().plus(Duration.ofMinutes(5));
        UUID taskId = t.create(agentTask(Instruction.SYNC_NOW, new TaskSchedule(ScheduleKind.EVERY, first, 1,
                IntervalUnit.HOURS, null, null, null, null, null, 0, false, null)));
        assertEquals(first, t.service.get(taskId).nextRunAt());
        t.advance(Duration.ofMinutes(4));
        assertEquals(List.of(), t.runs(taskId));

        t.advance(Duration.ofMinutes(1));
        List<TaskRun> runs = t.runs(taskId);
        assertEquals(1, runs.size());
        assertEquals(RunTrigger.SCHEDULE, runs.get(0).trigger());
        assertEquals(first, runs.get(0).scheduledFor());
        assertEquals(TaskEngine.SCHEDULER, runs.get(0).startedBy());
        assertNotNull(t.device(taskId, runs.get(0).id(), device).instructionId(), "sent at once: no random delay");
        assertEquals(first.plus(Duration.ofHours(1)), t.service.get(taskId).nextRunAt());

        t.restart();
        t.engine.workNow();
        assertEquals(1, t.runs(taskId).size(), "the start is not repeated after a restart");
        t.advance(Duration.ofHours(1));
        assertEquals(2, t.runs(taskId).size());
    }

    @Test
    void startsMissedWhileTheServerWasDownRunOnceOnlyIfTheTaskAsks() {
        t.devices.add(group, "ws");
        Instant due = t.clock.instant().plus(Duration.ofMinutes(1));
        UUID makesUp = t.create(agentTask(Instruction.SYNC_NOW, new TaskSchedule(ScheduleKind.DAILY, null, null, null,
                LocalTime.of(10, 1), null, null, null, null, 0, true, null)));
        UUID skips = t.create(agentTask(Instruction.SYNC_NOW, new TaskSchedule(ScheduleKind.DAILY, null, null, null,
                LocalTime.of(10, 1), null, null, null, null, 0, false, null)));
        assertEquals(due, t.service.get(makesUp).nextRunAt());

        // the server is down for three days and comes back
        t.clock.advance(Duration.ofDays(3).plusHours(2));
        t.restart();
        t.engine.workNow();
        List<TaskRun> madeUp = t.runs(makesUp);
        assertEquals(1, madeUp.size(), "one run for three missed starts");
        assertEquals(RunTrigger.MISSED, madeUp.get(0).trigger());
        assertEquals(List.of(), t.runs(skips));
        Instant tomorrow = Instant.parse("2026-06-05T10:01:00Z");
        assertEquals(tomorrow, t.service.get(makesUp).nextRunAt());
        assertEquals(tomorrow, t.service.get(skips).nextRunAt());
    }

    @Test
    void aRandomDelaySpreadsTheDevicesOfAScheduledRunOverItsWindow() {
        for (int i = 0; i < 20; i++) {
            t.devices.add(group, "ws-" + i);
        }
        Instant due = t.clock.instant().plus(Duration.ofMinutes(1));
        UUID taskId = t.create(agentTask(Instruction.SYNC_NOW, new TaskSchedule(ScheduleKind.ONCE, due, null, null,
                null, null, null, null, null, 10, false, null)));
        t.advance(Duration.ofMinutes(1));
        TaskRun run = t.runs(taskId).get(0);
        long sent = t.devices(taskId, run.id()).stream().filter(d -> d.instructionId() != null).count();
        assertTrue(sent < 20, "not every device gets it at the start: " + sent);
        t.advance(Duration.ofMinutes(5));
        long halfway = t.devices(taskId, run.id()).stream().filter(d -> d.instructionId() != null).count();
        assertTrue(halfway > sent && halfway < 20, "more devices got it over time: " + halfway);
        t.advance(Duration.ofMinutes(5));
        assertTrue(t.devices(taskId, run.id()).stream().allMatch(d -> d.instructionId() != null),
                "every device got it within the window");
        assertNull(t.service.get(taskId).nextRunAt(), "a single start does not come again");
    }

    @Test
    void resultsReportedWhileTheTasksAreaWasDownAreCaughtUpWithAtTheNextStart() {
        UUID device = t.devices.add(group, "ws");
        UUID taskId = t.create(agentTask(Instruction.SYNC_NOW, TaskSchedule.manual()));
        TaskRun run = t.service.start(taskId, TaskTesting.ADMIN);
        t.engine.workNow();
        // stored by the gateway, never heard by the tasks area
        t.instructions.report(t.device(taskId, run.id(), device).instructionId(), InstructionState.SUCCEEDED, null,
                Map.of());
        t.restart();
        assertEquals(DeviceRunState.SUCCEEDED, t.device(taskId, run.id(), device).state());
        assertEquals(TaskRunState.COMPLETED, t.run(taskId, run.id()).state());
    }

    @Test
    void deletingATaskCancelsItsOutstandingInstructions() {
        UUID device = t.devices.add(group, "ws");
        UUID taskId = t.create(agentTask(Instruction.SYNC_NOW, TaskSchedule.manual()));
        TaskRun run = t.service.start(taskId, TaskTesting.ADMIN);
        t.engine.workNow();
        UUID instruction = t.device(taskId, run.id(), device).instructionId();
        t.service.delete(taskId, TaskTesting.ADMIN);
        assertEquals(InstructionState.CANCELLED, t.instructions.get(instruction).state());
        // a result arriving afterwards is ignored
        t.report(instruction, InstructionState.SUCCEEDED, null, Map.of());
    }

    @Test
    void onlyTheNewestRunsOfATaskAreKept() throws Exception {
        t.close();
        t = new TaskTesting(new TestConfig(60, 120, 3, 500, 2));
        group = t.groups.add(AdministrationGroup.MANAGED_DEVICES, "Office");
        UUID taskId = t.create(agentTask(Instruction.SYNC_NOW, TaskSchedule.manual()));
        for (int i = 0; i < 5; i++) {
            t.service.start(taskId, TaskTesting.ADMIN);
            t.clock.advance(Duration.ofSeconds(1));
        }
        assertEquals(3, t.runs(taskId).size());
    }

    private TaskDraft agentTask(String type, TaskSchedule schedule) {
        return new TaskDraft("Agent task", TaskTypeDefinition.AGENT, type, Map.of(), TaskScope.group(group),
                schedule, true);
    }
}
