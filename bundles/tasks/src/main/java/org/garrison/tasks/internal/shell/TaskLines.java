package org.garrison.tasks.internal.shell;

import java.util.stream.Collectors;

import org.garrison.api.task.RunCounts;
import org.garrison.api.task.Task;
import org.garrison.api.task.TaskSchedule;

/**
 * How tasks and runs read in the shell's tables.
 */
final class TaskLines {

    private TaskLines() {
    }

    static String scope(Task task) {
        if (task.scope() == null) {
            return "server";
        }
        return task.scope().groupSubtree() ? "group " + task.scope().groupId()
                : task.scope().deviceIds().size() + " device(s)";
    }

    static String schedule(TaskSchedule schedule) {
        String zone = " " + schedule.timeZone();
        return switch (schedule.kind()) {
            case MANUAL -> "manual";
            case ONCE -> "once at " + schedule.at();
            case EVERY -> "every " + schedule.interval() + " "
                    + schedule.unit().name().toLowerCase(java.util.Locale.ROOT);
            case DAILY -> "daily at " + schedule.time() + zone;
            case WEEKLY -> "weekly on " + schedule.daysOfWeek().stream().sorted()
                    .map(day -> day.name().substring(0, 3)).collect(Collectors.joining(",")) + " at " + schedule.time()
                    + zone;
            case MONTHLY -> "monthly on day " + schedule.dayOfMonth() + " at " + schedule.time() + zone;
            case CRON -> "cron " + schedule.cron() + zone;
        };
    }

    static String counts(RunCounts counts) {
        return counts.total() + " total, " + counts.pending() + " pending, " + counts.running() + " running, "
                + counts.succeeded() + " succeeded, " + counts.failed() + " failed, " + counts.cancelled()
                + " cancelled" + (counts.skipped() > 0 ? ", " + counts.skipped() + " skipped" : "");
    }
}
