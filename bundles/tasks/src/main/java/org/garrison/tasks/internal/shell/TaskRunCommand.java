package org.garrison.tasks.internal.shell;

import java.util.UUID;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.garrison.api.security.ShellUser;
import org.garrison.api.task.Task;
import org.garrison.api.task.TaskRun;
import org.garrison.api.task.TaskService;

/**
 * Starts a run of a task now.
 */
@Command(scope = "garrison", name = "task-run", description = "Starts a run of a task now")
@Service
public class TaskRunCommand implements Action {

    @Reference
    TaskService tasks;

    @Reference
    ShellUser shell;

    @Argument(index = 0, name = "task", required = true, description = "The task's id")
    String task;

    @Override
    public Object execute() {
        shell.requireAdministrator("start tasks");
        UUID taskId = TaskArgument.id(task);
        TaskRun run = tasks.start(taskId, shell.actor());
        shell.audit("task-run", Task.OBJECT_TYPE, taskId.toString());
        System.out.println("Started run " + run.id() + " of task " + taskId + ": " + TaskLines.counts(run.counts()));
        return null;
    }
}
