package com.example.helloapp.internal;

/**
 * A report of the application that does not follow its schema: logged and skipped, never stored.
 */
public final class InvalidReportException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidReportException(String message) {
        super(message);
    }
}
