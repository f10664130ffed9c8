package org.garrison.tasks.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.agent.Instruction;
import org.garrison.api.audit.ObjectRef;
import org.garrison.api.error.ConflictException;
import org.garrison.api.error.FieldError;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.error.ValidationException;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.plugin.TaskTypeDefinition;
import org.garrison.api.task.ScheduleKind;
import org.garrison.api.task.Task;
import org.garrison.api.task.TaskDraft;
import org.garrison.api.task.TaskQuery;
import org.garrison.api.task.TaskSchedule;
import org.garrison.api.task.TaskScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TasksServiceTest {

    private static final TaskTypeDefinition SCAN = new TaskTypeDefinition("endpoint-protection", "full-scan",
            "Full scan", null, "{\"type\":\"object\",\"properties\":{\"depth\":{\"type\":\"integer\"}}}", true);

    private TaskTesting t;
    private UUID group;

    @BeforeEach
    void setUp() throws Exception {
        t = new TaskTesting();
        t.plugins.types.add(SCAN);
        group = t.groups.add(AdministrationGroup.MANAGED_DEVICES, "Office");
    }

    @AfterEach
    void tearDown() {
        t.close();
    }

    @Test
    void parametersAreCheckedAgainstTheTypeSchemaAndEachProblemCarriesItsPath() {
        t.validator.answer((schema, value) -> List.of(new FieldError("depth", "must be an integer"),
                new FieldError("", "must not have the property 'extra'")));
        ValidationException refused = assertThrows(ValidationException.class, () -> t.create(scan(Map.of("depth",
                "deep", "extra", 1))));
        assertEquals(List.of("parameters/depth", "parameters"), fields(refused));
        ScriptedValidator.Call call = t.validator.calls.get(0);
        assertEquals(SCAN.parametersSchema(), call.schema());
        assertEquals(Map.of("depth", "deep", "extra", 1), call.value());
        assertEquals(List.of(), t.audit.revisions, "nothing was stored");
    }

    @Test
    void everyProblemOfADraftIsReportedAtOnce() {
        ValidationException refused = assertThrows(ValidationException.class, () -> t.create(new TaskDraft(" ",
                "endpoint-protection", "no-such-type", Map.of(), null,
                new TaskSchedule(ScheduleKind.DAILY, null, null, null, null, null, null, null, "Nowhere/City", 0,
                        false, null), true)));
        assertEquals(List.of("name", "type", "schedule/timeZone", "schedule/time"), fields(refused));

        ValidationException noScope = assertThrows(ValidationException.class, () -> t.create(new TaskDraft("Scan",
                "endpoint-protection", "full-scan", Map.of(), null, TaskSchedule.manual(), true)));
        assertEquals(List.of("scope"), fields(noScope));
        ValidationException unknownGroup = assertThrows(ValidationException.class, () -> t.create(new TaskDraft(
                "Scan", "endpoint-protection", "full-scan", Map.of(), TaskScope.group(UUID.randomUUID()),
                TaskSchedule.manual(), true)));
        assertEquals(List.of("scope/groupId"), fields(unknownGroup));
        ValidationException unknownDevice = assertThrows(ValidationException.class, () -> t.create(new TaskDraft(
                "Scan", "endpoint-protection", "full-scan", Map.of(), TaskScope.devices(List.of(UUID.randomUUID())),
                TaskSchedule.manual(), true)));
        assertEquals(List.of("scope/deviceIds"), fields(unknownDevice));
        List<UUID> tooMany = new ArrayList<>();
        for (int i = 0; i <= TaskScope.MAX_DEVICES; i++) {
            tooMany.add(UUID.randomUUID());
        }
        assertEquals(List.of("scope/deviceIds"), fields(assertThrows(ValidationException.class,
                () -> t.create(new TaskDraft("Scan", "endpoint-protection", "full-scan", Map.of(),
                        TaskScope.devices(tooMany), TaskSchedule.manual(), true)))));
    }

    @Test
    void theServersOwnTasksHaveNoScopeAndNeedTheWholeServer() {
        t.types.addRunner(new org.garrison.tasks.internal.server.DatabaseMaintenance(t.database.transactions()));
        ValidationException scoped = assertThrows(ValidationException.class, () -> t.create(new TaskDraft("Maint",
                TaskTypeDefinition.SERVER, "database-maintenance", Map.of(), TaskScope.group(group),
                TaskSchedule.manual(), true)));
        assertEquals(List.of("scope"), fields(scoped));
        UUID taskId = t.create(new TaskDraft("Maint", TaskTypeDefinition.SERVER, "database-maintenance", Map.of(),
                null, TaskSchedule.manual(), true));
        assertTrue(t.service.get(taskId).runsOnServer());
        assertEquals(AdministrationGroup.MANAGED_DEVICES, t.service.find(taskId).scopeGroupId());
    }

    @Test
    void aFixedSelectionBelongsToTheSmallestGroupHoldingItsDevices() {
        UUID sales = t.groups.add(group, "Sales");
        UUID support = t.groups.add(group, "Support");
        UUID one = t.devices.add(sales, "one", "endpoint-protection");
        UUID two = t.devices.add(support, "two", "endpoint-protection");
        UUID both = t.create(new TaskDraft("Two", "endpoint-protection", "full-scan", Map.of(),
                TaskScope.devices(List.of(one, two)), TaskSchedule.manual(), true));
        assertEquals(group, t.service.find(both).scopeGroupId());
        UUID single = t.create(new TaskDraft("One", "endpoint-protection", "full-scan", Map.of(),
                TaskScope.devices(List.of(one)), TaskSchedule.manual(), true));
        assertEquals(sales, t.service.find(single).scopeGroupId());
        UUID stray = t.devices.add(AdministrationGroup.UNASSIGNED_DEVICES, "stray");
        UUID mixed = t.create(new TaskDraft("Mixed", "endpoint-protection", "full-scan", Map.of(),
                TaskScope.devices(List.of(one, stray)), TaskSchedule.manual(), true));
        assertEquals(AdministrationGroup.MANAGED_DEVICES, t.service.find(mixed).scopeGroupId());
        assertEquals(List.of(one, stray), t.service.get(mixed).scope().deviceIds(), "the order given is kept");
    }

    @Test
    void anUpdateNamesTheRevisionItChangesAndIsRecorded() {
        UUID taskId = t.create(scan(Map.of("depth", 1)));
        Task created = t.service.get(taskId);
        assertEquals(1, created.revision());
        assertEquals(TaskTesting.ADMIN, created.createdBy());

        t.clock.advance(Duration.ofMinutes(1));
        Task changed = t.service.update(taskId, new TaskDraft("Deep scan", "endpoint-protection", "full-scan",
                Map.of("depth", 5), TaskScope.group(group), TaskSchedule.manual(), true), 1, TaskTesting.ADMIN);
        assertEquals(2, changed.revision());
        assertEquals("Deep scan", t.service.get(taskId).name());
        assertEquals(Map.of("depth", 5), t.service.get(taskId).parameters());

        ConflictException stale = assertThrows(ConflictException.class, () -> t.service.update(taskId,
                new TaskDraft("Stale", "endpoint-protection", "full-scan", Map.of(), TaskScope.group(group),
                        TaskSchedule.manual(), true), 1, TaskTesting.ADMIN));
        assertTrue(stale.getMessage().contains("revision 2"), stale.getMessage());
        assertEquals("Deep scan", t.service.get(taskId).name());

        ValidationException retyped = assertThrows(ValidationException.class, () -> t.service.update(taskId,
                new TaskDraft("Other", TaskTypeDefinition.AGENT, Instruction.SYNC_NOW, Map.of(),
                        TaskScope.group(group), TaskSchedule.manual(), true), 2, TaskTesting.ADMIN));
        assertEquals(List.of("type"), fields(retyped));

        assertEquals(List.of("created", "updated"), t.audit.revisions.stream().map(r -> r.action()).toList());
        assertEquals(new ObjectRef(Task.OBJECT_TYPE, taskId), t.audit.revisions.get(1).object());
        assertTrue(t.audit.revisions.get(1).snapshot().contains("\"Deep scan\""));
        assertThrows(NotFoundException.class, () -> t.service.update(UUID.randomUUID(), scan(Map.of()), 1,
                TaskTesting.ADMIN));
    }

    @Test
    void disablingATaskStopsItsScheduleAndEnablingItStartsFromNow() {
        TaskSchedule daily = new TaskSchedule(ScheduleKind.DAILY, null, null, null, LocalTime.of(12, 0), null, null,
                null, null, 0, false, null);
        UUID taskId = t.create(new TaskDraft("Daily", "endpoint-protection", "full-scan", Map.of(),
                TaskScope.group(group), daily, true));
        assertEquals(java.time.Instant.parse("2026-06-01T12:00:00Z"), t.service.get(taskId).nextRunAt());
        t.service.update(taskId, new TaskDraft("Daily", "endpoint-protection", "full-scan", Map.of(),
                TaskScope.group(group), daily, false), 1, TaskTesting.ADMIN);
        assertNull(t.service.get(taskId).nextRunAt());
        t.clock.advance(Duration.ofDays(2).plusHours(3));
        t.engine.workNow();
        assertEquals(List.of(), t.runs(taskId), "a disabled task does not start on its own");
        t.service.update(taskId, new TaskDraft("Daily", "endpoint-protection", "full-scan", Map.of(),
                TaskScope.group(group), daily, true), 2, TaskTesting.ADMIN);
        assertEquals(java.time.Instant.parse("2026-06-04T12:00:00Z"), t.service.get(taskId).nextRunAt());
    }

    @Test
    void listingsFilterPageAndStayWithinTheCallersGroups() {
        UUID other = t.groups.add(AdministrationGroup.MANAGED_DEVICES, "Other");
        List<UUID> ids = new ArrayList<>();
        for (String name : List.of("delta", "Alpha", "charlie", "Bravo")) {
            ids.add(t.create(new TaskDraft(name, "endpoint-protection", "full-scan", Map.of(),
                    TaskScope.group(name.equals("charlie") ? other : group), TaskSchedule.manual(), true)));
        }
        t.create(new TaskDraft("echo", TaskTypeDefinition.AGENT, Instruction.SYNC_NOW, Map.of(),
                TaskScope.group(group), TaskSchedule.manual(), true));

        Page<Task> first = t.service.list(TaskQuery.all(), new PageRequest(2, null));
        assertEquals(List.of("Alpha", "Bravo"), first.items().stream().map(Task::name).toList());
        assertEquals(5L, first.total());
        Page<Task> second = t.service.list(TaskQuery.all(), PageRequest.of(2, first.nextCursor()));
        assertEquals(List.of("charlie", "delta"), second.items().stream().map(Task::name).toList());
        Page<Task> last = t.service.list(TaskQuery.all(), PageRequest.of(2, second.nextCursor()));
        assertEquals(List.of("echo"), last.items().stream().map(Task::name).toList());
        assertFalse(last.hasMore());

        assertEquals(List.of("echo"), names(new TaskQuery(TaskTypeDefinition.AGENT, null, null, null)));
        assertEquals(List.of("charlie"), names(new TaskQuery(null, "full-scan", other, null)));
        assertEquals(List.of("Alpha", "Bravo", "delta", "echo"), names(new TaskQuery(null, null, null,
                Set.of(group))));
        assertEquals(List.of(), names(new TaskQuery(null, null, null, Set.of())));
    }

    @Test
    void aDeletedTaskGoesToTheRegistryAndCanBeRestored() {
        UUID taskId = t.create(scan(Map.of("depth", 2)));
        t.service.delete(taskId, TaskTesting.ADMIN);
        assertThrows(NotFoundException.class, () -> t.service.get(taskId));
        assertEquals(1, t.audit.deleted.size());
        String snapshot = t.audit.deleted.get(0).snapshot();

        String restored = t.service.restoreDeleted(new ObjectRef(Task.OBJECT_TYPE, taskId), snapshot,
                TaskTesting.ADMIN);
        assertTrue(restored.contains(taskId.toString()));
        Task back = t.service.get(taskId);
        assertEquals("Scan", back.name());
        assertEquals(Map.of("depth", 2), back.parameters());
        assertThrows(ConflictException.class, () -> t.service.restoreDeleted(new ObjectRef(Task.OBJECT_TYPE, taskId),
                snapshot, TaskTesting.ADMIN));

        t.plugins.types.clear();
        t.service.delete(taskId, TaskTesting.ADMIN);
        ConflictException gone = assertThrows(ConflictException.class, () -> t.service.restoreDeleted(
                new ObjectRef(Task.OBJECT_TYPE, taskId), snapshot, TaskTesting.ADMIN));
        assertTrue(gone.getMessage().contains("no longer fits"), gone.getMessage());
    }

    @Test
    void aRevisionCanBeRestored() {
        UUID taskId = t.create(scan(Map.of("depth", 1)));
        String first = t.audit.revisions.get(0).snapshot();
        t.service.update(taskId, new TaskDraft("Changed", "endpoint-protection", "full-scan", Map.of("depth", 9),
                TaskScope.group(group), TaskSchedule.manual(), false), 1, TaskTesting.ADMIN);
        t.service.restoreRevision(new ObjectRef(Task.OBJECT_TYPE, taskId), first, TaskTesting.ADMIN);
        Task restored = t.service.get(taskId);
        assertEquals("Scan", restored.name());
        assertEquals(Map.of("depth", 1), restored.parameters());
        assertTrue(restored.enabled());
        assertEquals(3, restored.revision());
        assertThrows(ConflictException.class, () -> t.service.restoreRevision(new ObjectRef(Task.OBJECT_TYPE,
                UUID.randomUUID()), first, TaskTesting.ADMIN));
        assertThrows(ConflictException.class, () -> t.service.restoreRevision(new ObjectRef(Task.OBJECT_TYPE,
                taskId), "{\"not\":\"a task\"}", TaskTesting.ADMIN));
    }

    @Test
    void withoutTheValidatorParametersCannotBeChecked() {
        t.service.validator = null;
        assertThrows(ValidatorUnavailableException.class, () -> t.create(scan(Map.of())));
    }

    @Test
    void deletingAGroupDeletesTheTasksScopedToIt() {
        UUID sub = t.groups.add(group, "Sub");
        UUID onGroup = t.create(scan(Map.of()));
        UUID onSub = t.create(new TaskDraft("Sub scan", "endpoint-protection", "full-scan", Map.of(),
                TaskScope.group(sub), TaskSchedule.manual(), true));
        TaskGroupMembers members = new TaskGroupMembers(t.database.transactions(), t.service);
        assertEquals("tasks", members.kind());
        assertEquals(Map.of(group, 1L, sub, 1L), members.countByGroup(Set.of(group, sub)));
        members.release(Set.of(sub), TaskTesting.ADMIN);
        assertThrows(NotFoundException.class, () -> t.service.get(onSub));
        assertNotNull(t.service.get(onGroup));
        assertEquals(1, t.audit.deleted.size());
    }

    @Test
    void theScopeResolverNamesTheTasksGroup() {
        UUID taskId = t.create(scan(Map.of()));
        TaskScopeResolver resolver = new TaskScopeResolver(t.database.transactions(), null);
        assertEquals(java.util.Optional.of(group), resolver.groupOf(taskId.toString()));
        assertEquals(java.util.Optional.empty(), resolver.groupOf(UUID.randomUUID().toString()));
        assertEquals(java.util.Optional.empty(), resolver.groupOf("not-an-id"));
    }

    private List<String> names(TaskQuery query) {
        return t.service.list(query, new PageRequest(PageRequest.MAX_LIMIT, null)).items().stream().map(Task::name)
                .toList();
    }

    private TaskDraft scan(Map<String, Object> parameters) {
        return new TaskDraft("Scan", "endpoint-protection", "full-scan", parameters, TaskScope.group(group),
                TaskSchedule.manual(), true);
    }

    private static List<String> fields(ValidationException e) {
        return e.errors().stream().map(FieldError::field).toList();
    }
}
