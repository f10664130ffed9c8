package org.garrison.api.task;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.garrison.api.Actor;

/**
 * A task as stored.
 *
 * @param id          its id
 * @param name        its name, 1–255 characters
 * @param application the application whose task type it is: a plugin id,
 *                    {@value org.garrison.api.plugin.TaskTypeDefinition#AGENT} or
 *                    {@value org.garrison.api.plugin.TaskTypeDefinition#SERVER}
 * @param type        the task type within the application
 * @param parameters  the parameters, a JSON object valid against the type's schema
 * @param scope       the devices it runs on; {@code null} for a task the server runs itself
 * @param schedule    when it starts on its own
 * @param enabled     whether its schedule is in force (a disabled task can still be started by hand)
 * @param revision    1 when created, one more with every change; an update names the revision it changes
 * @param createdAt   when it was created
 * @param createdBy   by whom
 * @param updatedAt   when it last changed
 * @param updatedBy   by whom
 * @param nextRunAt   when it starts next on its own, or {@code null} when it will not
 * @param lastRunId   its latest run, or {@code null} if it never ran
 */
public record Task(UUID id, String name, String application, String type, Map<String, Object> parameters,
        TaskScope scope, TaskSchedule schedule, boolean enabled, int revision, Instant createdAt, Actor createdBy,
        Instant updatedAt, Actor updatedBy, Instant nextRunAt, UUID lastRunId) {

    /** The object type of tasks in the revision history, the deleted-objects registry and scope checks. */
    public static final String OBJECT_TYPE = "task";

    /** The longest name. */
    public static final int MAX_NAME_LENGTH = 255;

    public Task {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(schedule, "schedule");
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** Whether the server runs it itself (no devices involved). */
    public boolean runsOnServer() {
        return scope == null;
    }
}
