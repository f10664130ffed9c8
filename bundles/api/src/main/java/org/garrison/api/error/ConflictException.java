package org.garrison.api.error;

/**
 * The request is well formed but clashes with the current state, e.g. a name already taken or a group that is not
 * empty.
 */
public class ConflictException extends GarrisonException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }

    @Override
    public String title() {
        return "Conflict";
    }
}
