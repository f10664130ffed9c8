package org.garrison.devices.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.garrison.api.device.SoftwareEntry;

/**
 * SQL of SOFTWARE_PRODUCT, how many devices have each software line (name, vendor and version as spelled), kept in
 * step with DEVICE_SOFTWARE in the transaction that changes it, so the software registry reads these counts instead
 * of grouping every device's software. Rows whose count drops to zero stay (the registry leaves them out): deleting
 * them would race with a device installing the same line again.
 */
final class SoftwareCounts {

    /** The duplicate-key SQL state, the same on Derby and PostgreSQL. */
    private static final String DUPLICATE_KEY = "23505";

    /** One software line as DEVICE_SOFTWARE stores it. */
    record Line(String nameKey, String vendorKey, String version, String name, String vendor) {

        static Line of(SoftwareEntry entry) {
            return new Line(Normalised.key(entry.name()), Normalised.key(entry.vendor()),
                    Normalised.orEmpty(entry.version()), entry.name().trim(), Normalised.orEmpty(entry.vendor()));
        }

        /** The order rows are locked in, the same in every transaction, so two writers never wait on each other. */
        static final Comparator<Line> LOCK_ORDER = Comparator.comparing(Line::nameKey).thenComparing(Line::vendorKey)
                .thenComparing(Line::version).thenComparing(Line::name).thenComparing(Line::vendor);
    }

    /** Adds the changes (lines and how many devices more or fewer have them); zero changes touch nothing. */
    void add(Connection connection, Map<Line, Long> changes) throws SQLException {
        List<Map.Entry<Line, Long>> sorted = changes.entrySet().stream().filter(e -> e.getValue() != 0)
                .sorted(Map.Entry.comparingByKey(Line.LOCK_ORDER)).toList();
        if (sorted.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE SOFTWARE_PRODUCT SET DEVICE_COUNT = "
                + "DEVICE_COUNT + ? WHERE NAME_KEY = ? AND VENDOR_KEY = ? AND VERSION = ? AND NAME = ? AND VENDOR = ?");
                PreparedStatement insert = connection.prepareStatement("INSERT INTO SOFTWARE_PRODUCT (DEVICE_COUNT, "
                        + "NAME_KEY, VENDOR_KEY, VERSION, NAME, VENDOR) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<Line, Long> change : sorted) {
                if (bind(update, change).executeUpdate() == 0 && !inserted(connection, bind(insert, change))) {
                    // another transaction inserted the line after our update missed it: it is there now
                    bind(update, change).executeUpdate();
                }
            }
        }
    }

    /** Inserts the line; {@code false} if it exists already, leaving the transaction usable on both databases. */
    private static boolean inserted(Connection connection, PreparedStatement insert) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            insert.executeUpdate();
            connection.releaseSavepoint(savepoint);
            return true;
        } catch (SQLException e) {
            if (!DUPLICATE_KEY.equals(e.getSQLState())) {
                throw e;
            }
            connection.rollback(savepoint);
            return false;
        }
    }

    private static PreparedStatement bind(PreparedStatement statement, Map.Entry<Line, Long> change)
            throws SQLException {
        Line line = change.getKey();
        statement.setLong(1, change.getValue());
        statement.setString(2, line.nameKey());
        statement.setString(3, line.vendorKey());
        statement.setString(4, line.version());
        statement.setString(5, line.name());
        statement.setString(6, line.vendor());
        return statement;
    }
}
