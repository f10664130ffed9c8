package org.garrison.tasks.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.garrison.api.PageRequest;
import org.garrison.api.task.TaskRun;
import org.garrison.api.task.TaskService;

/**
 * Lists a task's runs, newest first, with how their devices stand.
 */
@Command(scope = "garrison", name = "task-runs", description = "Lists a task's runs, newest first")
@Service
public class TaskRunsCommand implements Action {

    @Reference
    TaskService tasks;

    @Argument(index = 0, name = "task", required = true, description = "The task's id")
    String task;

    @Option(name = "-n", aliases = "--limit", description = "How many runs, at most 1000")
    int limit = 20;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Run");
        table.column("State");
        table.column("Trigger");
        table.column("Started");
        table.column("Finished");
        table.column("Devices");
        table.column("Message");
        for (TaskRun run : tasks.runs(TaskArgument.id(task), new PageRequest(limit, null)).items()) {
            table.addRow().addContent(run.id(), run.state(), run.trigger(), run.startedAt(),
                    run.finishedAt() == null ? "-" : run.finishedAt(), TaskLines.counts(run.counts()),
                    run.message() == null ? "" : run.message());
        }
        table.print(System.out);
        return null;
    }
}
