package com.example.helloapp.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.garrison.api.store.SqlTime;

/**
 * The table {@code HELLO_APP_GREETING}: the last report of each device. Plain SQL that Derby and PostgreSQL both
 * accept, every value a parameter.
 */
public final class GreetingRepository {

    private static final String COLUMNS = "DEVICE_ID, LAST_GREETING, GREETING_COUNT, REPORTED_AT";

    public Optional<Greeting> find(Connection c, UUID deviceId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS
                + " FROM HELLO_APP_GREETING WHERE DEVICE_ID = ?")) {
            select.setString(1, deviceId.toString());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(greeting(rows)) : Optional.empty();
            }
        }
    }

    /** The newest reports first, at most {@code limit}. */
    public List<Greeting> newest(Connection c, int limit) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS
                + " FROM HELLO_APP_GREETING ORDER BY REPORTED_AT DESC, DEVICE_ID FETCH FIRST ? ROWS ONLY")) {
            select.setInt(1, limit);
            List<Greeting> greetings = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    greetings.add(greeting(rows));
                }
            }
            return greetings;
        }
    }

    /**
     * Stores the report as the device's last one, unless the stored one is newer: an agent's outbox delivers late
     * reports after an outage, and those must not overwrite what came later.
     *
     * @return whether it was stored
     */
    public boolean saveIfNewer(Connection c, Greeting greeting) throws SQLException {
        Optional<Greeting> stored = find(c, greeting.deviceId());
        if (stored.isPresent() && !greeting.reportedAt().isAfter(stored.get().reportedAt())) {
            return false;
        }
        String sql = stored.isPresent()
                ? "UPDATE HELLO_APP_GREETING SET LAST_GREETING = ?, GREETING_COUNT = ?, REPORTED_AT = ? "
                        + "WHERE DEVICE_ID = ?"
                : "INSERT INTO HELLO_APP_GREETING (LAST_GREETING, GREETING_COUNT, REPORTED_AT, DEVICE_ID) "
                        + "VALUES (?, ?, ?, ?)";
        try (PreparedStatement write = c.prepareStatement(sql)) {
            write.setString(1, greeting.lastGreeting());
            write.setLong(2, greeting.count());
            SqlTime.set(write, 3, greeting.reportedAt());
            write.setString(4, greeting.deviceId().toString());
            write.executeUpdate();
        }
        return true;
    }

    private static Greeting greeting(ResultSet rows) throws SQLException {
        return new Greeting(UUID.fromString(rows.getString("DEVICE_ID").strip()), rows.getString("LAST_GREETING"),
                rows.getLong("GREETING_COUNT"), SqlTime.get(rows, "REPORTED_AT"));
    }
}
