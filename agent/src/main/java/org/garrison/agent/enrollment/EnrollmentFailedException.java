package org.garrison.agent.enrollment;

/** The gateway's answer to an enrollment or renewal cannot be used (a certificate that does not fit). */
public class EnrollmentFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    public EnrollmentFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
