package org.garrison.testkit;

/**
 * Something the kit was asked to do did not work: the server did not start, an answer was not the one expected, the
 * agent did not enroll. The message says what happened and, where there is one, what the server or agent printed.
 */
public class TestKitException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TestKitException(String message) {
        super(message);
    }

    public TestKitException(String message, Throwable cause) {
        super(message, cause);
    }
}
