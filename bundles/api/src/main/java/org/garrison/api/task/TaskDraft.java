package org.garrison.api.task;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an admin gives to create a task or to change one. The application and type of an existing task cannot
 * change.
 *
 * @param name        1–255 characters
 * @param application the application whose task type it is
 * @param type        the task type
 * @param parameters  the parameters, a JSON object that must validate against the type's schema; {@code null} is
 *                    an empty object
 * @param scope       the devices it runs on; required for task types that run on devices, {@code null} for the
 *                    server's own
 * @param schedule    when it starts; {@code null} for manual starts only
 * @param enabled     whether the schedule is in force
 */
public record TaskDraft(String name, String application, String type, Map<String, Object> parameters,
        TaskScope scope, TaskSchedule schedule, boolean enabled) {

    public TaskDraft {
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        schedule = schedule == null ? TaskSchedule.manual() : schedule;
    }
}
