package org.garrison.sessions.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import org.garrison.api.store.SqlTime;

/**
 * SQL for SESSIONS_FAILURE.
 */
final class FailureRepository {

    /** A series of failed sign-ins of one subject (account or source address). */
    record Failures(int count, Instant lastFailureAt) {
    }

    Optional<Failures> find(Connection connection, String subject) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT FAILURES, LAST_FAILURE_AT FROM SESSIONS_FAILURE WHERE SUBJECT = ?")) {
            select.setString(1, subject);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new Failures(row.getInt("FAILURES"),
                        SqlTime.get(row, "LAST_FAILURE_AT"))) : Optional.empty();
            }
        }
    }

    void save(Connection connection, String subject, Failures failures) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE SESSIONS_FAILURE SET FAILURES = ?, LAST_FAILURE_AT = ? WHERE SUBJECT = ?")) {
            update.setInt(1, failures.count());
            SqlTime.set(update, 2, failures.lastFailureAt());
            update.setString(3, subject);
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO SESSIONS_FAILURE (SUBJECT, FAILURES, LAST_FAILURE_AT) VALUES (?, ?, ?)")) {
            insert.setString(1, subject);
            insert.setInt(2, failures.count());
            SqlTime.set(insert, 3, failures.lastFailureAt());
            insert.executeUpdate();
        }
    }

    boolean delete(Connection connection, String subject) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM SESSIONS_FAILURE WHERE SUBJECT = ?")) {
            delete.setString(1, subject);
            return delete.executeUpdate() > 0;
        }
    }

    int deleteLastFailedBefore(Connection connection, Instant cutoff) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM SESSIONS_FAILURE WHERE LAST_FAILURE_AT < ?")) {
            SqlTime.set(delete, 1, cutoff);
            return delete.executeUpdate();
        }
    }
}
