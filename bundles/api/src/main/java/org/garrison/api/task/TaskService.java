package org.garrison.api.task;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.garrison.api.Actor;
import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.plugin.TaskTypeDefinition;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Tasks, their runs and the task types they can have. Changes to tasks are recorded in the revision history (type
 * {@value Task#OBJECT_TYPE}) and deleted tasks in the deleted-objects registry.
 */
@ProviderType
public interface TaskService {

    /**
     * Every task type admins can create tasks of: those of the active plugins, the Network Agent's own
     * ({@value TaskTypeDefinition#AGENT}) and the server's own ({@value TaskTypeDefinition#SERVER}), ordered by
     * application and type.
     */
    List<TaskTypeDefinition> taskTypes();

    /** One task type, if it is available now. */
    Optional<TaskTypeDefinition> taskType(String application, String type);

    /** Tasks ordered by name (ignoring case), with the total count of matches. */
    Page<Task> list(TaskQuery query, PageRequest page);

    /**
     * @throws org.garrison.api.error.NotFoundException if there is no such task
     */
    Task get(UUID id);

    /**
     * @throws org.garrison.api.error.ValidationException if the draft is invalid (each problem with its path, the
     *         parameters' as {@code parameters/<path>}), names an unknown task type, group or device
     */
    Task create(TaskDraft draft, Actor actor);

    /**
     * Replaces a task's name, parameters, scope, schedule and enabled state.
     *
     * @param expectedRevision the revision the caller read and changes
     * @throws org.garrison.api.error.NotFoundException if there is no such task
     * @throws org.garrison.api.error.ConflictException if the task's revision is no longer the expected one
     * @throws org.garrison.api.error.ValidationException as for {@link #create}, or if the draft names another
     *         application or type
     */
    Task update(UUID id, TaskDraft draft, int expectedRevision, Actor actor);

    /**
     * Deletes a task with its runs, cancelling what its running runs still have outstanding; registers it in the
     * deleted-objects registry.
     *
     * @throws org.garrison.api.error.NotFoundException if there is no such task
     */
    void delete(UUID id, Actor actor);

    /**
     * Starts a run now, whatever the schedule and whether the task is enabled. A device task's earlier run that is
     * still running is replaced: what it has outstanding is cancelled.
     *
     * @throws org.garrison.api.error.NotFoundException if there is no such task
     * @throws org.garrison.api.error.ConflictException if the task type is not available (its plugin is not active),
     *         or a run of the server's own task is still going
     */
    TaskRun start(UUID taskId, Actor actor);

    /** The task's runs, newest first, with the total count. */
    Page<TaskRun> runs(UUID taskId, PageRequest page);

    /**
     * @throws org.garrison.api.error.NotFoundException if the task has no such run
     */
    TaskRun run(UUID taskId, UUID runId);

    /**
     * How the devices of a run stand, in the order they were added to the run.
     *
     * @param state only devices in this state, or {@code null} for all
     * @throws org.garrison.api.error.NotFoundException if the task has no such run
     */
    Page<TaskRunDevice> devices(UUID taskId, UUID runId, DeviceRunState state, PageRequest page);

    /**
     * Cancels a run: instructions its devices have not finished are cancelled (devices that finished keep their
     * results); a run of the server's own is interrupted. Cancelling a run that is no longer running changes nothing.
     *
     * @throws org.garrison.api.error.NotFoundException if the task has no such run
     */
    TaskRun cancel(UUID taskId, UUID runId, Actor actor);
}
