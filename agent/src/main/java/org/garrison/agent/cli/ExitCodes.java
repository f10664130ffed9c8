package org.garrison.agent.cli;

/** The exit codes of {@code garrison-agent}, documented in docs/agent.md. */
final class ExitCodes {

    static final int OK = 0;
    /** Anything else: the message says what. */
    static final int FAILED = 1;
    /** Wrong command line or configuration. */
    static final int USAGE = 2;
    /** No agent has enrolled with the data folder. */
    static final int NOT_ENROLLED = 3;
    /** The server cannot be reached. */
    static final int UNREACHABLE = 4;
    /** The server is not the one the token (or the enrollment) trusts: pin mismatch or wrong CA. */
    static final int NOT_TRUSTED = 5;
    /** The server refused: the token (unknown, expired, revoked, used up) or the request. */
    static final int REFUSED = 6;
    /** The agent's certificate is revoked (or an admin rejected it): enroll again with a new token. */
    static final int REVOKED = 7;

    private ExitCodes() {
    }
}
