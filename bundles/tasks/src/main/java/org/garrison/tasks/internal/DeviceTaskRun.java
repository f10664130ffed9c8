package org.garrison.tasks.internal;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.garrison.api.task.DeviceRunState;
import org.garrison.api.task.RunTrigger;
import org.garrison.api.task.TaskRunState;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One device's entry in one run, with what the device's task history shows of the run and its task.
 *
 * @param runId         the run
 * @param taskId        its task
 * @param taskName      the task's name now
 * @param application   the task type's application the run started with
 * @param type          the task type
 * @param trigger       why the run started
 * @param runState      where the run stands as a whole
 * @param state         where the device stands in the run
 * @param message       the device's message, or why it was cancelled; {@code null} when none
 * @param result        type-specific results as a JSON object (empty until there are any)
 * @param instructionId the instruction sent to the device, or {@code null} before it was sent
 * @param startedAt     when the run started
 * @param finishedAt    when the run ended, or {@code null}
 * @param updatedAt     when the device's state last changed
 */
@Schema(name = "DeviceTaskRun")
public record DeviceTaskRun(UUID runId, UUID taskId, String taskName, String application, String type,
        RunTrigger trigger, TaskRunState runState, DeviceRunState state, String message, Map<String, Object> result,
        UUID instructionId, Instant startedAt, Instant finishedAt, Instant updatedAt) {

    public DeviceTaskRun {
        result = result == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(result));
    }
}
