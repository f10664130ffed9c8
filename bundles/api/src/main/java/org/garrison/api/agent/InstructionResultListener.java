package org.garrison.api.agent;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Hears about instruction results as devices report them (e.g. the tasks area, to follow per-device task results).
 * Register it as an OSGi service. Called after the result is stored, on a gateway thread: return quickly.
 */
@ConsumerType
public interface InstructionResultListener {

    /** A device reported a new state for one of its instructions. */
    void resultReported(InstructionStatus status);
}
