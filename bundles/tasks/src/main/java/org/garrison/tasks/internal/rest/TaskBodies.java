package org.garrison.tasks.internal.rest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.error.FieldError;
import org.garrison.api.error.ValidationException;
import org.garrison.api.task.IntervalUnit;
import org.garrison.api.task.ScheduleKind;
import org.garrison.api.task.TaskDraft;
import org.garrison.api.task.TaskSchedule;
import org.garrison.api.task.TaskScope;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The request bodies of the tasks API. Names of kinds, units and days are read here rather than by the JSON layer,
 * so a wrong one is answered with its path and the values allowed.
 */
public final class TaskBodies {

    private TaskBodies() {
    }

    /**
     * A task to create, or a task's new state.
     *
     * @param expectedRevision required when changing a task: the revision it was read at
     */
    @Schema(name = "TaskRequest", description = "A task to create, or the new state of a task")
    public record TaskBody(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 255) String name,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "A plugin id, \"agent\" or \"server\"; cannot change") String application,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The task type; cannot change")
            String type,
            @Schema(description = "A JSON object valid against the type's parametersSchema; default {}")
            Map<String, Object> parameters,
            @Schema(description = "Required for types that run on devices, absent for the server's own")
            ScopeBody scope,
            @Schema(description = "Default: started by hand only") ScheduleBody schedule,
            @Schema(description = "Whether the schedule is in force; default true") Boolean enabled,
            @Schema(description = "Required when changing a task: the revision you read (409 if it changed since)")
            Integer expectedRevision) {
    }

    /** Exactly one of the two. */
    @Schema(name = "TaskScopeRequest")
    public record ScopeBody(
            @Schema(description = "Every device in this group and below it, at each run") UUID groupId,
            @ArraySchema(schema = @Schema(description = "These devices (at most 1000)")) List<UUID> deviceIds) {
    }

    /** See {@link TaskSchedule}; members that do not belong to the kind must be absent. */
    @Schema(name = "TaskScheduleRequest")
    public record ScheduleBody(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    allowableValues = {"MANUAL", "ONCE", "EVERY", "DAILY", "WEEKLY", "MONTHLY", "CRON"}) String kind,
            @Schema(description = "ONCE: when; EVERY: the first start (default: when saved)") Instant at,
            @Schema(description = "EVERY: how many units between starts", minimum = "1") Integer interval,
            @Schema(description = "EVERY", allowableValues = {"MINUTES", "HOURS"}) String unit,
            @Schema(description = "DAILY, WEEKLY, MONTHLY: the time of day, e.g. 02:30", example = "02:30")
            String time,
            @ArraySchema(schema = @Schema(description = "WEEKLY: MONDAY ... SUNDAY (or MON ... SUN)"))
            List<String> daysOfWeek,
            @Schema(description = "MONTHLY: 1-31; in shorter months their last day") Integer dayOfMonth,
            @Schema(description = "CRON: minute hour day-of-month month day-of-week", example = "30 2 * * 1-5")
            String cron,
            @Schema(description = "IANA time zone of times and days; default UTC", example = "Europe/Berlin")
            String timeZone,
            @Schema(description = "Scheduled runs: each device gets its instruction at a random moment up to this "
                    + "many minutes after the start (the server's own tasks start at such a moment); 0-1440, "
                    + "default 0") Integer randomDelayMinutes,
            @Schema(description = "A start missed while the server was down happens once when it is up again; "
                    + "default false") Boolean runIfMissed,
            @Schema(description = "Cancel what a device has not finished this many minutes after it got the "
                    + "instruction (stop the server's own run); absent for no limit") Integer stopAfterMinutes) {
    }

    /** The draft a body describes. */
    static TaskDraft draft(TaskBody body) {
        if (body == null) {
            throw new ValidationException("", "a JSON object with name, application and type is required");
        }
        List<FieldError> errors = new ArrayList<>();
        TaskScope scope = scope(body.scope(), errors);
        TaskSchedule schedule = schedule(body.schedule(), errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new TaskDraft(body.name(), body.application(), body.type(), body.parameters(), scope, schedule,
                body.enabled() == null || body.enabled());
    }

    private static TaskScope scope(ScopeBody body, List<FieldError> errors) {
        if (body == null) {
            return null;
        }
        if (body.deviceIds() != null && body.deviceIds().contains(null)) {
            errors.add(new FieldError("scope/deviceIds", "must not contain null"));
            return null;
        }
        return new TaskScope(body.groupId(), body.deviceIds());
    }

    private static TaskSchedule schedule(ScheduleBody body, List<FieldError> errors) {
        if (body == null) {
            return null;
        }
        ScheduleKind kind = name("schedule/kind", body.kind(), ScheduleKind.class, errors);
        IntervalUnit unit = name("schedule/unit", body.unit(), IntervalUnit.class, errors);
        LocalTime time = null;
        if (body.time() != null) {
            try {
                time = LocalTime.parse(body.time());
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("schedule/time", "must be a time of day such as 02:30"));
            }
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (body.daysOfWeek() != null) {
            for (String day : body.daysOfWeek()) {
                DayOfWeek parsed = day(day);
                if (parsed == null) {
                    errors.add(new FieldError("schedule/daysOfWeek", "must name days such as MONDAY or MON, not "
                            + (day == null ? "null" : "\"" + day + "\"")));
                } else {
                    days.add(parsed);
                }
            }
        }
        if (body.kind() == null) {
            errors.add(new FieldError("schedule/kind", "is required: MANUAL, ONCE, EVERY, DAILY, WEEKLY, MONTHLY or "
                    + "CRON"));
        }
        return new TaskSchedule(kind, body.at(), body.interval(), unit, time, days, body.dayOfMonth(), body.cron(),
                body.timeZone(), body.randomDelayMinutes() == null ? 0 : body.randomDelayMinutes(),
                Boolean.TRUE.equals(body.runIfMissed()), body.stopAfterMinutes());
    }

    private static DayOfWeek day(String text) {
        if (text == null) {
            return null;
        }
        String upper = text.strip().toUpperCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().equals(upper) || day.name().substring(0, 3).equals(upper)) {
                return day;
            }
        }
        return null;
    }

    private static <E extends Enum<E>> E name(String field, String text, Class<E> type, List<FieldError> errors) {
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> allowed = EnumSet.allOf(type).stream().map(Enum::name).toList();
            errors.add(new FieldError(field, "must be one of " + String.join(", ", allowed)));
            return null;
        }
    }
}
