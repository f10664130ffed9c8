package org.garrison.plugins.devicecontrol.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.garrison.api.store.SqlTime;
import org.garrison.plugins.devicecontrol.internal.reports.Access;
import org.garrison.plugins.devicecontrol.internal.reports.ExternalDevice;

/**
 * The external devices seen on every device ({@code DEVICE_CONTROL_DEVICE}).
 */
public final class ExternalDeviceRepository {

    private static final String COLUMNS = "DEVICE_ID, INSTANCE_ID, DEVICE_CLASS, BUS, NAME, VENDOR_ID, PRODUCT_ID, "
            + "SERIAL_NUMBER, ACCESS_APPLIED, ACCESS_RANK, ENFORCED, DECIDED_BY, RULE_NAME, CONNECTED, FIRST_SEEN, "
            + "LAST_SEEN";

    /**
     * Applies a snapshot: the devices in it are connected, with what it says about them (the first time a device
     * was seen stays); every other device of the managed device is disconnected.
     */
    public void applySnapshot(Connection c, UUID deviceId, List<ExternalDevice> devices, boolean enforced)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE DEVICE_CONTROL_DEVICE SET DEVICE_CLASS = ?, "
                + "BUS = ?, NAME = ?, VENDOR_ID = ?, PRODUCT_ID = ?, SERIAL_NUMBER = ?, ACCESS_APPLIED = ?, "
                + "ACCESS_RANK = ?, ENFORCED = ?, DECIDED_BY = ?, RULE_NAME = ?, CONNECTED = ?, LAST_SEEN = ? "
                + "WHERE DEVICE_ID = ? AND INSTANCE_ID = ?");
                PreparedStatement insert = c.prepareStatement("INSERT INTO DEVICE_CONTROL_DEVICE (" + COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (ExternalDevice d : devices) {
                Sql.bind(update, Arrays.asList(d.deviceClass(), d.bus(), d.name(), d.vendorId(), d.productId(),
                        d.serialNumber(), d.access().wireName(), d.access().rank(), enforced, d.decidedBy(),
                        d.rule(), true, d.lastSeen(), deviceId.toString(), d.instanceId()));
                if (update.executeUpdate() == 0) {
                    Sql.bind(insert, Arrays.asList(deviceId.toString(), d.instanceId(), d.deviceClass(), d.bus(),
                            d.name(), d.vendorId(), d.productId(), d.serialNumber(), d.access().wireName(),
                            d.access().rank(), enforced, d.decidedBy(), d.rule(), true, d.firstSeen(),
                            d.lastSeen()));
                    insert.executeUpdate();
                }
            }
        }
        List<Object> parameters = new ArrayList<>(List.of(false, deviceId.toString(), true));
        StringBuilder sql = new StringBuilder("UPDATE DEVICE_CONTROL_DEVICE SET CONNECTED = ? WHERE DEVICE_ID = ? "
                + "AND CONNECTED = ?");
        if (!devices.isEmpty()) {
            sql.append(" AND INSTANCE_ID NOT IN (").append(Sql.placeholders(devices.size())).append(')');
            devices.forEach(d -> parameters.add(d.instanceId()));
        }
        try (PreparedStatement disconnect = c.prepareStatement(sql.toString())) {
            Sql.bind(disconnect, parameters);
            disconnect.executeUpdate();
        }
    }

    /** How many devices of the class on the bus are connected to the device and blocked (enforced). */
    public long connectedBlocked(Connection c, UUID deviceId, String deviceClass, String bus) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM DEVICE_CONTROL_DEVICE WHERE "
                + "DEVICE_ID = ? AND DEVICE_CLASS = ? AND BUS = ? AND CONNECTED = ? AND ENFORCED = ? "
                + "AND ACCESS_APPLIED = ?")) {
            Sql.bind(select, List.of(deviceId.toString(), deviceClass, bus, true, true, Access.BLOCKED.wireName()));
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /**
     * Rows in listing order (blocked first, then most recently seen, then by device and instance), after a position.
     *
     * @param after the last row of the previous page, or {@code null} for the first
     */
    public List<StoredExternalDevice> page(Connection c, ExternalDeviceSelection selection,
            ExternalDevicePosition after, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS)
                .append(" FROM DEVICE_CONTROL_DEVICE WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (selection.deviceId() != null) {
            sql.append(" AND DEVICE_ID = ?");
            parameters.add(selection.deviceId().toString());
        }
        if (!selection.classes().isEmpty()) {
            sql.append(" AND DEVICE_CLASS IN (").append(Sql.placeholders(selection.classes().size())).append(')');
            selection.classes().stream().sorted().forEach(parameters::add);
        }
        if (!selection.accesses().isEmpty()) {
            sql.append(" AND ACCESS_APPLIED IN (").append(Sql.placeholders(selection.accesses().size())).append(')');
            selection.accesses().stream().map(Access::wireName).sorted().forEach(parameters::add);
        }
        if (selection.connected() != null) {
            sql.append(" AND CONNECTED = ?");
            parameters.add(selection.connected());
        }
        if (after != null) {
            sql.append(" AND (ACCESS_RANK > ? OR ACCESS_RANK = ? AND LAST_SEEN < ?"
                    + " OR ACCESS_RANK = ? AND LAST_SEEN = ? AND DEVICE_ID > ?"
                    + " OR ACCESS_RANK = ? AND LAST_SEEN = ? AND DEVICE_ID = ? AND INSTANCE_ID > ?)");
            parameters.addAll(List.of(after.rank(), after.rank(), after.lastSeen(), after.rank(), after.lastSeen(),
                    after.deviceId().toString(), after.rank(), after.lastSeen(), after.deviceId().toString(),
                    after.instanceId()));
        }
        sql.append(" ORDER BY ACCESS_RANK, LAST_SEEN DESC, DEVICE_ID, INSTANCE_ID FETCH FIRST ").append(limit)
                .append(" ROWS ONLY");
        try (PreparedStatement select = c.prepareStatement(sql.toString())) {
            Sql.bind(select, parameters);
            List<StoredExternalDevice> devices = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    devices.add(device(rows));
                }
            }
            return devices;
        }
    }

    /** Removes devices disconnected and not seen since the given time. */
    public int removeDisconnectedBefore(Connection c, Instant cutoff) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(
                "DELETE FROM DEVICE_CONTROL_DEVICE WHERE CONNECTED = ? AND LAST_SEEN < ?")) {
            Sql.bind(delete, List.of(false, cutoff));
            return delete.executeUpdate();
        }
    }

    private static StoredExternalDevice device(ResultSet rows) throws SQLException {
        Access access = Access.fromWireName(rows.getString("ACCESS_APPLIED")).orElse(Access.ALLOWED);
        ExternalDevice device = new ExternalDevice(rows.getString("INSTANCE_ID"), rows.getString("DEVICE_CLASS"),
                rows.getString("BUS"), rows.getString("NAME"), rows.getString("VENDOR_ID"),
                rows.getString("PRODUCT_ID"), rows.getString("SERIAL_NUMBER"), access, rows.getString("DECIDED_BY"),
                rows.getString("RULE_NAME"), SqlTime.get(rows, "FIRST_SEEN"), SqlTime.get(rows, "LAST_SEEN"));
        return new StoredExternalDevice(UUID.fromString(rows.getString("DEVICE_ID")), device,
                rows.getBoolean("ENFORCED"), rows.getBoolean("CONNECTED"));
    }
}
