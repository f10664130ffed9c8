package org.garrison.tasks.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Garrison tasks",
        description = "How the task scheduler checks for due work, and how many runs each task keeps.")
public @interface TasksConfig {

    String PID = "org.garrison.tasks";

    @AttributeDefinition(name = "Longest pause between checks (seconds)",
            description = "The scheduler wakes at the next due time it knows of, and at least this often, so changes "
                    + "made directly in the database are noticed too.", min = "1", max = "3600")
    int maxPauseSeconds() default 60;

    @AttributeDefinition(name = "Late start still on time (seconds)",
            description = "A start due longer ago than this counts as missed (the server was down): it runs only if "
                    + "the task runs if missed.", min = "1")
    int missedAfterSeconds() default 120;

    @AttributeDefinition(name = "Runs kept per task",
            description = "Older finished runs of a task, with their devices' results, are removed when a new run "
                    + "starts.", min = "1", max = "10000")
    int keptRunsPerTask() default 30;

    @AttributeDefinition(name = "Instructions per transaction",
            description = "Devices of a run get their instructions in batches of at most this many.", min = "1",
            max = "5000")
    int batchSize() default 500;

    @AttributeDefinition(name = "Threads for the server's own tasks",
            description = "How many runs of the server's own tasks (backups, maintenance) may go on at once, each of "
                    + "a different task.", min = "1", max = "16")
    int serverRunThreads() default 2;
}
