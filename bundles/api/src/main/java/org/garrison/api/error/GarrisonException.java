package org.garrison.api.error;

/**
 * Base of the domain exceptions. Each subtype stands for one kind of refusal that a caller can act on; the HTTP
 * layer turns it into a problem report with the matching status code, and the message is shown to the caller, so it
 * must be clear and must never carry secrets.
 */
public abstract class GarrisonException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected GarrisonException(String message) {
        super(message);
    }

    protected GarrisonException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A short, stable, human-readable summary of this kind of problem, e.g. "Not found". */
    public abstract String title();
}
