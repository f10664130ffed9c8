package org.garrison.api.store;

/**
 * The database failed to do what was asked (unreachable, constraint violated, deadlock...). This is a server-side
 * failure, not a caller's mistake: callers that can tell a caller's mistake (e.g. a duplicate name) check for it and
 * throw a domain exception instead.
 */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String sqlState;

    public StoreException(String message, java.sql.SQLException cause) {
        super(message, cause);
        this.sqlState = cause.getSQLState();
    }

    /** The SQLSTATE the database reported, or {@code null}. */
    public String sqlState() {
        return sqlState;
    }
}
