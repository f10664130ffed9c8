package org.garrison.gateway.internal.sync;

import java.sql.SQLException;

/**
 * Whether a failed transaction may succeed when simply run again: the database chose it as a deadlock victim, a lock
 * wait timed out, or a serializable transaction conflicted (SQL state class 40 on Derby and PostgreSQL alike).
 */
final class TransientFailure {

    private TransientFailure() {
    }

    static boolean is(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (next.getSQLState() != null && next.getSQLState().startsWith("40")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
