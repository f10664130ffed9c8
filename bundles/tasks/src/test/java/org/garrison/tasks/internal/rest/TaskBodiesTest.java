package org.garrison.tasks.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.error.FieldError;
import org.garrison.api.error.ValidationException;
import org.garrison.api.task.IntervalUnit;
import org.garrison.api.task.ScheduleKind;
import org.garrison.api.task.TaskDraft;
import org.garrison.tasks.internal.rest.TaskBodies.ScheduleBody;
import org.garrison.tasks.internal.rest.TaskBodies.ScopeBody;
import org.garrison.tasks.internal.rest.TaskBodies.TaskBody;
import org.junit.jupiter.api.Test;

class TaskBodiesTest {

    @Test
    void aBodyBecomesADraftWithDefaults() {
        UUID group = UUID.randomUUID();
        TaskDraft draft = TaskBodies.draft(new TaskBody("Weekly", "agent", "sync-now", null,
                new ScopeBody(group, null), new ScheduleBody("weekly", null, null, null, "02:30",
                        List.of("MON", "friday"), null, null, "Europe/Berlin", null, true, 60), null, null));
        assertEquals(Map.of(), draft.parameters());
        assertTrue(draft.enabled());
        assertEquals(group, draft.scope().groupId());
        assertEquals(ScheduleKind.WEEKLY, draft.schedule().kind());
        assertEquals(LocalTime.of(2, 30), draft.schedule().time());
        assertEquals(Set.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), draft.schedule().daysOfWeek());
        assertTrue(draft.schedule().runIfMissed());
        assertEquals(60, draft.schedule().stopAfterMinutes());
        assertEquals(0, draft.schedule().randomDelayMinutes());

        TaskDraft every = TaskBodies.draft(new TaskBody("Every", "agent", "sync-now", Map.of(), null,
                new ScheduleBody("EVERY", null, 15, "minutes", null, null, null, null, null, 5, null, null), false,
                null));
        assertEquals(IntervalUnit.MINUTES, every.schedule().unit());
        assertEquals(5, every.schedule().randomDelayMinutes());
        assertEquals(false, every.enabled());
        assertEquals(ScheduleKind.MANUAL, TaskBodies.draft(new TaskBody("Manual", "agent", "sync-now", null, null,
                null, null, null)).schedule().kind());
    }

    @Test
    void wrongNamesAreRefusedWithTheirPathsAndTheValuesAllowed() {
        ValidationException refused = assertThrows(ValidationException.class, () -> TaskBodies.draft(new TaskBody(
                "x", "agent", "sync-now", null, new ScopeBody(null, java.util.Arrays.asList(UUID.randomUUID(), null)),
                new ScheduleBody("hourly", null, null, "days", "25:00", List.of("Someday"), null, null, null, null,
                        null, null), null, null)));
        assertEquals(List.of("scope/deviceIds", "schedule/kind", "schedule/unit", "schedule/time",
                "schedule/daysOfWeek"), refused.errors().stream().map(FieldError::field).toList());
        assertTrue(refused.errors().get(1).message().contains("MANUAL, ONCE, EVERY"));
        assertEquals(List.of("schedule/kind"), assertThrows(ValidationException.class, () -> TaskBodies.draft(
                new TaskBody("x", "agent", "sync-now", null, null, new ScheduleBody(null, null, null, null, null,
                        null, null, null, null, null, null, null), null, null))).errors().stream()
                .map(FieldError::field).toList());
        assertThrows(ValidationException.class, () -> TaskBodies.draft(null));
    }
}
