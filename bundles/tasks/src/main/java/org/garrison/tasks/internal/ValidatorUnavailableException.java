package org.garrison.tasks.internal;

/**
 * Task parameters cannot be checked right now: the plugin platform, which provides the JSON Schema validator, is
 * not running (e.g. it is being updated). Answered with 503, so clients try again shortly.
 */
public final class ValidatorUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ValidatorUnavailableException() {
        super("Task parameters cannot be checked right now: the plugin platform is not running. Try again shortly.");
    }
}
