package org.garrison.api.error;

/**
 * The caller is known but not allowed to do this (HTTP 403).
 */
public class ForbiddenException extends GarrisonException {

    private static final long serialVersionUID = 1L;

    public ForbiddenException(String message) {
        super(message);
    }

    @Override
    public String title() {
        return "Forbidden";
    }
}
