package org.garrison.api.task;

import java.util.Map;

import org.garrison.api.plugin.TaskTypeDefinition;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Runs one task type on the server itself, e.g. a backup of the server's data. Register it as an OSGi service: its
 * type appears among the task types while it is registered. The server runs at most one run of each task at a time,
 * on a thread of its own; runs of different tasks may overlap.
 *
 * <p>The type's application is {@value TaskTypeDefinition#SERVER} for the server's own types. A plugin may register
 * a runner for a task type its descriptor declares with {@code runsOnDevices: false}.
 */
@ConsumerType
public interface ServerTaskRunner {

    /** The task type this runner runs; {@link TaskTypeDefinition#runsOnDevices()} is {@code false}. */
    TaskTypeDefinition type();

    /**
     * Runs the task once.
     *
     * @return the results as a JSON object (maps, lists, strings, numbers, booleans), shown to admins with the run
     * @throws Exception if it failed: the run fails with the exception's message, which admins see (so it must not
     *         carry secrets). An {@link InterruptedException} after {@link ServerTaskContext#cancelled()} counts as
     *         cancelled.
     */
    Map<String, Object> run(ServerTaskContext context) throws Exception;
}
