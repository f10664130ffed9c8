package org.garrison.tasks.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.task.Task;
import org.garrison.api.task.TaskQuery;
import org.garrison.api.task.TaskService;

/**
 * Lists tasks by name.
 */
@Command(scope = "garrison", name = "task-list", description = "Lists tasks by name, with when they start next")
@Service
public class TaskListCommand implements Action {

    @Reference
    TaskService tasks;

    @Option(name = "-a", aliases = "--application", description = "Only tasks of this application (plugin id, agent "
            + "or server)")
    String application;

    @Option(name = "-t", aliases = "--type", description = "Only tasks of this task type")
    String type;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Name");
        table.column("Type");
        table.column("Scope");
        table.column("Schedule");
        table.column("Enabled");
        table.column("Next start");
        TaskQuery query = new TaskQuery(application, type, null, null);
        PageRequest page = new PageRequest(PageRequest.MAX_LIMIT, null);
        while (true) {
            Page<Task> found = tasks.list(query, page);
            for (Task task : found.items()) {
                table.addRow().addContent(task.id(), task.name(), task.application() + "/" + task.type(),
                        TaskLines.scope(task), TaskLines.schedule(task.schedule()), task.enabled() ? "yes" : "no",
                        task.nextRunAt() == null ? "-" : task.nextRunAt());
            }
            if (!found.hasMore()) {
                break;
            }
            page = PageRequest.of(PageRequest.MAX_LIMIT, found.nextCursor());
        }
        table.print(System.out);
        return null;
    }
}
