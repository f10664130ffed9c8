package org.garrison.tasks.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.agent.Instruction;
import org.garrison.api.agent.InstructionState;
import org.garrison.api.error.ValidationException;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.plugin.TaskTypeDefinition;
import org.garrison.api.task.DeviceRunState;
import org.garrison.api.task.RunCounts;
import org.garrison.api.task.RunTrigger;
import org.garrison.api.task.ScheduleKind;
import org.garrison.api.task.Task;
import org.garrison.api.task.TaskDraft;
import org.garrison.api.task.TaskQuery;
import org.garrison.api.task.TaskRun;
import org.garrison.api.task.TaskRunState;
import org.garrison.api.task.TaskSchedule;
import org.garrison.api.task.TaskScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the console's lists read: a device's entries in runs, the task listing's status filters and the tasks' latest
 * runs.
 */
class TaskHistoryListingsTest {

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
    void aDeviceSeesItsOwnRunEntriesNewestFirstWithTaskStateMessageAndResult() {
        UUID device = t.devices.add(group, "ws-1");
        UUID other = t.devices.add(group, "ws-2");
        UUID refresh = t.create(task("Refresh office", Instruction.REFRESH_INVENTORY, TaskSchedule.manual(), true));
        UUID sync = t.create(task("Sync office", Instruction.SYNC_NOW, TaskSchedule.manual(), true));

        TaskRun first = t.service.start(refresh, TaskTesting.ADMIN);
        t.engine.workNow();
        t.report(t.device(refresh, first.id(), device).instructionId(), InstructionState.FAILED, "disk full",
                Map.of("code", 28));
        t.clock.advance(Duration.ofSeconds(5));
        TaskRun second = t.service.start(sync, TaskTesting.ADMIN);
        t.engine.workNow();

        Page<DeviceTaskRun> page = t.service.deviceRuns(device, null, new PageRequest(50, null));
        assertEquals(2, page.total());
        assertNull(page.nextCursor());
        DeviceTaskRun newest = page.items().get(0);
        assertEquals(second.id(), newest.runId());
        assertEquals(sync, newest.taskId());
        assertEquals("Sync office", newest.taskName());
        assertEquals(TaskTypeDefinition.AGENT, newest.application());
        assertEquals(Instruction.SYNC_NOW, newest.type());
        assertEquals(RunTrigger.MANUAL, newest.trigger());
        assertEquals(TaskRunState.RUNNING, newest.runState());
        assertEquals(DeviceRunState.PENDING, newest.state());
        assertEquals(second.startedAt(), newest.startedAt());

        DeviceTaskRun older = page.items().get(1);
        assertEquals(first.id(), older.runId());
        assertEquals("Refresh office", older.taskName());
        assertEquals(DeviceRunState.FAILED, older.state());
        assertEquals("disk full", older.message());
        assertEquals(Map.of("code", 28), older.result());
        assertTrue(older.instructionId() != null, "the instruction it was sent");

        Page<DeviceTaskRun> others = t.service.deviceRuns(other, null, new PageRequest(50, null));
        assertEquals(2, others.total());
        assertTrue(others.items().stream().allMatch(entry -> entry.state() != DeviceRunState.FAILED),
                "the other device's entries are its own");
        assertEquals(0, t.service.deviceRuns(UUID.randomUUID(), null, new PageRequest(50, null)).total());
    }

    @Test
    void aDevicesRunEntriesArePagedAndFilteredByState() {
        UUID device = t.devices.add(group, "ws-1");
        UUID taskId = t.create(task("Sync", Instruction.SYNC_NOW, TaskSchedule.manual(), true));
        for (int i = 0; i < 5; i++) {
            TaskRun run = t.service.start(taskId, TaskTesting.ADMIN);
            t.engine.workNow();
            if (i % 2 == 0) {
                t.report(t.device(taskId, run.id(), device).instructionId(), InstructionState.SUCCEEDED, null,
                        Map.of());
            }
            t.clock.advance(Duration.ofSeconds(1));
        }
        List<UUID> newestFirst = t.runs(taskId).stream().map(TaskRun::id).toList();

        Page<DeviceTaskRun> first = t.service.deviceRuns(device, null, new PageRequest(2, null));
        Page<DeviceTaskRun> second = t.service.deviceRuns(device, null, PageRequest.of(2, first.nextCursor()));
        Page<DeviceTaskRun> third = t.service.deviceRuns(device, null, PageRequest.of(2, second.nextCursor()));
        assertEquals(5, first.total());
        assertNull(third.nextCursor());
        List<UUID> paged = new java.util.ArrayList<>();
        for (Page<DeviceTaskRun> page : List.of(first, second, third)) {
            page.items().forEach(entry -> paged.add(entry.runId()));
        }
        assertEquals(newestFirst, paged);

        Page<DeviceTaskRun> succeeded = t.service.deviceRuns(device, DeviceRunState.SUCCEEDED,
                new PageRequest(50, null));
        assertEquals(3, succeeded.total());
        assertTrue(succeeded.items().stream().allMatch(entry -> entry.state() == DeviceRunState.SUCCEEDED));
        // each newer run replaced the one before, which was cancelled where it had not finished
        assertEquals(2, t.service.deviceRuns(device, DeviceRunState.CANCELLED, new PageRequest(50, null)).total());
    }

    @Test
    void aCursorOfAnotherListingIsRefused() {
        UUID device = t.devices.add(group, "ws-1");
        t.create(task("One", Instruction.SYNC_NOW, TaskSchedule.manual(), true));
        t.create(task("Two", Instruction.SYNC_NOW, TaskSchedule.manual(), true));
        String tasksCursor = t.service.list(TaskQuery.all(), new PageRequest(1, null)).nextCursor();

        assertThrows(ValidationException.class,
                () -> t.service.deviceRuns(device, null, PageRequest.of(1, tasksCursor)));
    }

    @Test
    void theTaskListingFiltersByEnabledAndScheduled() {
        TaskSchedule daily = new TaskSchedule(ScheduleKind.DAILY, null, null, null, LocalTime.of(3, 0), null, null,
                null, null, 0, false, null);
        UUID scheduled = t.create(task("a scheduled", Instruction.SYNC_NOW, daily, true));
        UUID disabled = t.create(task("b disabled", Instruction.SYNC_NOW, daily, false));
        UUID manual = t.create(task("c manual", Instruction.SYNC_NOW, TaskSchedule.manual(), true));

        assertEquals(List.of(scheduled, manual), ids(new TaskStatusFilter(true, null)));
        assertEquals(List.of(disabled), ids(new TaskStatusFilter(false, null)));
        assertEquals(List.of(scheduled), ids(new TaskStatusFilter(null, true)));
        assertEquals(List.of(disabled, manual), ids(new TaskStatusFilter(null, false)));
        assertEquals(List.of(manual), ids(new TaskStatusFilter(true, false)));
        assertEquals(List.of(scheduled, disabled, manual), ids(TaskStatusFilter.ANY));
        assertEquals(1, t.service.list(TaskQuery.all(), new TaskStatusFilter(false, null), new PageRequest(50, null))
                .total());
    }

    @Test
    void latestRunsAreFoundByIdWithTheirCounts() {
        t.devices.add(group, "ws-1");
        t.devices.add(group, "ws-2");
        UUID taskId = t.create(task("Sync", Instruction.SYNC_NOW, TaskSchedule.manual(), true));
        UUID never = t.create(task("Never", Instruction.SYNC_NOW, TaskSchedule.manual(), true));
        TaskRun run = t.service.start(taskId, TaskTesting.ADMIN);
        Task task = t.service.get(taskId);
        assertEquals(run.id(), task.lastRunId());
        assertNull(t.service.get(never).lastRunId());

        Map<UUID, TaskRun> found = t.service.runsById(Set.of(run.id(), UUID.randomUUID()));
        assertEquals(Set.of(run.id()), found.keySet(), "an unknown id is left out");
        assertEquals(new RunCounts(2, 2, 0, 0, 0, 0, 0), found.get(run.id()).counts());
        assertEquals(Map.of(), t.service.runsById(List.of()));
    }

    private List<UUID> ids(TaskStatusFilter status) {
        return t.service.list(TaskQuery.all(), status, new PageRequest(50, null)).items().stream().map(Task::id)
                .toList();
    }

    private TaskDraft task(String name, String type, TaskSchedule schedule, boolean enabled) {
        return new TaskDraft(name, TaskTypeDefinition.AGENT, type, Map.of(), TaskScope.group(group), schedule,
                enabled);
    }
}
