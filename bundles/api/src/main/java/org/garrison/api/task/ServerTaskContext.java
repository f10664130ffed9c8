package org.garrison.api.task;

import java.util.Map;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One run of a task the server runs itself, as its {@link ServerTaskRunner} sees it.
 */
@ProviderType
public interface ServerTaskContext {

    /** The task. */
    UUID taskId();

    /** The run. */
    UUID runId();

    /** The task's parameters, valid against the type's schema (defaults are not filled in). */
    Map<String, Object> parameters();

    /**
     * Whether the run has been cancelled (by an admin, or by the task's time limit). The runner's thread is also
     * interrupted then; a runner that works in steps checks this between them and stops.
     */
    boolean cancelled();
}
