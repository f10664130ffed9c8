package org.garrison.gateway.internal.ca;

import java.sql.SQLException;

/**
 * Recognises a unique-constraint violation (SQLSTATE 23505 on Derby and PostgreSQL alike), wherever it sits in a
 * chain of causes.
 */
public final class DuplicateKey {

    private static final String SQL_STATE = "23505";

    private DuplicateKey() {
    }

    public static boolean is(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.garrison.api.store.StoreException store && SQL_STATE.equals(store.sqlState())) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (SQL_STATE.equals(next.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
