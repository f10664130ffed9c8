package org.garrison.tasks.internal;

import java.util.List;

import org.garrison.api.data.DataInventoryProvider;
import org.garrison.api.data.DataItem;
import org.garrison.api.data.DataOrigin;
import org.osgi.service.component.annotations.Component;

/**
 * What the tasks area stores, for the data inventory: the tasks admins set up, their runs with each device's state
 * and result, and the server backups its backup task writes. Tasks and runs name the admins who created, changed and
 * started them, and device results may carry what the device's applications report, so they are declared personal.
 */
@Component
public class TasksDataInventory implements DataInventoryProvider {

    private static final String OWNER = DataItem.CORE;

    private static final List<DataItem> ITEMS = List.of(
            new DataItem("task.tasks", OWNER, "Tasks",
                    "Each task's name, application and type, parameters, scope (group or fixed device selection), "
                            + "schedule, and who created and last changed it, and when.",
                    DataOrigin.ADMIN, "TASKS_TASK, TASKS_TASK_DEVICE", true, false,
                    "until an admin deletes the task (or its group with its members); its last state then stays "
                            + "in the registry of deleted objects, and every earlier state in the revision history"),
            new DataItem("task.runs", OWNER, "Task runs and their per-device results",
                    "Each run of a task (when, started by whom or by the schedule, with which parameters) and, per "
                            + "device, its state, message and result as the device's agent or application reported "
                            + "it.",
                    DataOrigin.AGENT, "TASKS_RUN, TASKS_TARGET (RESULT as JSON)", true, false,
                    "the newest 30 runs of each task; older finished runs are deleted when a new one starts"),
            new DataItem("task.server-backups", OWNER, "Server backups",
                    "Copies of the database, the data keys and their password, the HTTPS keystore and the "
                            + "configuration, written by the server/backup task. Whoever holds a backup can read all "
                            + "the server's data, so the files are readable by the server's OS user only.",
                    DataOrigin.SERVER, "folder data/backups (or the folder the task names)", true, false,
                    "the newest backups as many as the task keeps (its parameter keep); older ones are deleted"));

    @Override
    public List<DataItem> dataItems() {
        return ITEMS;
    }
}
