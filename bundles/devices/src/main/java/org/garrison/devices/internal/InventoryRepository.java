package org.garrison.devices.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.garrison.api.Cursor;
import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.device.ApplicationComponent;
import org.garrison.api.device.ApplicationState;
import org.garrison.api.device.HardwareComponent;
import org.garrison.api.device.HardwareModel;
import org.garrison.api.device.InstalledApplication;
import org.garrison.api.device.LicenceKey;
import org.garrison.api.device.ProtectionState;
import org.garrison.api.device.SoftwareEntry;
import org.garrison.api.device.SoftwareKey;
import org.garrison.api.device.SoftwareProduct;
import org.garrison.api.device.UserAccount;
import org.garrison.api.device.UserSession;
import org.garrison.api.error.ValidationException;
import org.garrison.api.store.SqlTime;

/**
 * SQL of a device's collections reported by its Network Agent (users, sessions, hardware, software, managed
 * applications and their components) and of the fleet-wide registries built from them. Writes are batched.
 */
final class InventoryRepository {

    private final SoftwareCounts counts = new SoftwareCounts();

    private static void deleteAll(Connection connection, String table, UUID deviceId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "DELETE FROM " + table + " WHERE DEVICE_ID = ?")) {
            statement.setString(1, deviceId.toString());
            statement.executeUpdate();
        }
    }

    /** Binds one item of a batch, whose first parameter (the device id) is already set. */
    private interface Binder<T> {
        void bind(PreparedStatement statement, T item, int position) throws SQLException;
    }

    /** Runs one statement per item in one batch; the device id is the first parameter of each. */
    private static <T> void batch(Connection connection, String sql, UUID deviceId, Collection<T> items,
            Binder<T> binder) throws SQLException {
        if (items.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int position = 0;
            for (T item : items) {
                statement.setString(1, deviceId.toString());
                binder.bind(statement, item, position++);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    void replaceUsers(Connection connection, UUID deviceId, List<UserAccount> users) throws SQLException {
        deleteAll(connection, "DEVICE_USER", deviceId);
        batch(connection, "INSERT INTO DEVICE_USER (DEVICE_ID, POSITION, ACCOUNT_NAME, ACCOUNT_DOMAIN, FULL_NAME, "
                + "LAST_LOGON_AT) VALUES (?, ?, ?, ?, ?, ?)", deviceId, users, (statement, user, position) -> {
                    statement.setInt(2, position);
                    statement.setString(3, user.name());
                    statement.setString(4, user.domain());
                    statement.setString(5, user.fullName());
                    SqlTime.set(statement, 6, user.lastLogonAt());
                });
    }

    void replaceSessions(Connection connection, UUID deviceId, List<UserSession> sessions) throws SQLException {
        deleteAll(connection, "DEVICE_SESSION", deviceId);
        batch(connection, "INSERT INTO DEVICE_SESSION (DEVICE_ID, POSITION, ACCOUNT_NAME, ACCOUNT_DOMAIN, KIND, "
                + "STARTED_AT, ENDED_AT) VALUES (?, ?, ?, ?, ?, ?, ?)", deviceId, sessions,
                (statement, session, position) -> {
                    statement.setInt(2, position);
                    statement.setString(3, session.accountName());
                    statement.setString(4, session.domain());
                    statement.setString(5, session.kind());
                    SqlTime.set(statement, 6, session.startedAt());
                    SqlTime.set(statement, 7, session.endedAt());
                });
    }

    void replaceHardware(Connection connection, UUID deviceId, List<HardwareComponent> hardware)
            throws SQLException {
        deleteAll(connection, "DEVICE_HARDWARE", deviceId);
        batch(connection, "INSERT INTO DEVICE_HARDWARE (DEVICE_ID, POSITION, CATEGORY, NAME, VENDOR, MODEL, "
                + "SERIAL_NUMBER, DETAILS) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", deviceId, hardware,
                (statement, component, position) -> {
                    statement.setInt(2, position);
                    statement.setString(3, Normalised.key(component.category()));
                    statement.setString(4, component.name());
                    statement.setString(5, Normalised.orEmpty(component.vendor()));
                    statement.setString(6, Normalised.orEmpty(component.model()));
                    statement.setString(7, component.serialNumber());
                    statement.setString(8, component.details());
                });
    }

    /**
     * Changes a device's software: deletes its entries with the given keys (all of them when {@code null}),
     * inserts the entries (whose keys must be free then) and moves the registry's counts by the difference.
     */
    void changeSoftware(Connection connection, UUID deviceId, Collection<SoftwareKey> deleted,
            Collection<SoftwareEntry> inserted) throws SQLException {
        Set<List<String>> deletedKeys = deleted == null ? null : deleted.stream()
                .map(k -> List.of(Normalised.key(k.name()), Normalised.key(k.vendor()))).collect(Collectors.toSet());
        Map<SoftwareCounts.Line, Long> changes = new HashMap<>();
        for (SoftwareCounts.Line line : softwareLines(connection, deviceId)) {
            if (deletedKeys == null || deletedKeys.contains(List.of(line.nameKey(), line.vendorKey()))) {
                changes.merge(line, -1L, Long::sum);
            }
        }
        if (deleted == null) {
            deleteAll(connection, "DEVICE_SOFTWARE", deviceId);
        } else {
            batch(connection, "DELETE FROM DEVICE_SOFTWARE WHERE DEVICE_ID = ? AND NAME_KEY = ? AND VENDOR_KEY = ?",
                    deviceId, deleted, (statement, key, position) -> {
                        statement.setString(2, Normalised.key(key.name()));
                        statement.setString(3, Normalised.key(key.vendor()));
                    });
        }
        batch(connection, "INSERT INTO DEVICE_SOFTWARE (DEVICE_ID, NAME_KEY, VENDOR_KEY, NAME, VENDOR, VERSION, "
                + "INSTALLED_AT, LOCATION) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", deviceId, inserted,
                (statement, entry, position) -> {
                    SoftwareCounts.Line line = SoftwareCounts.Line.of(entry);
                    statement.setString(2, line.nameKey());
                    statement.setString(3, line.vendorKey());
                    statement.setString(4, line.name());
                    statement.setString(5, line.vendor());
                    statement.setString(6, line.version());
                    SqlTime.set(statement, 7, entry.installedAt());
                    statement.setString(8, entry.location());
                });
        inserted.forEach(entry -> changes.merge(SoftwareCounts.Line.of(entry), 1L, Long::sum));
        counts.add(connection, changes);
    }

    private static List<SoftwareCounts.Line> softwareLines(Connection connection, UUID deviceId)
            throws SQLException {
        return ofDevice(connection, "SELECT NAME_KEY, VENDOR_KEY, VERSION, NAME, VENDOR FROM DEVICE_SOFTWARE "
                + "WHERE DEVICE_ID = ?", deviceId, rs -> new SoftwareCounts.Line(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5)));
    }

    void deleteAllApplications(Connection connection, UUID deviceId) throws SQLException {
        deleteAll(connection, "DEVICE_APPLICATION", deviceId);
    }

    void deleteApplications(Connection connection, UUID deviceId, Collection<String> applicationIds)
            throws SQLException {
        batch(connection, "DELETE FROM DEVICE_APPLICATION WHERE DEVICE_ID = ? AND APPLICATION_ID = ?", deviceId,
                applicationIds, (statement, id, position) -> statement.setString(2, id));
    }

    /**
     * Inserts applications with their components; callers delete applications with the same ids first.
     *
     * @param groupId the device's group, kept with each application (see {@link DeviceRepository#move})
     */
    void insertApplications(Connection connection, UUID deviceId, UUID groupId,
            Collection<InstalledApplication> applications) throws SQLException {
        if (applications.isEmpty()) {
            return;
        }
        try (PreparedStatement app = connection.prepareStatement("INSERT INTO DEVICE_APPLICATION (DEVICE_ID, "
                + "APPLICATION_ID, NAME, VERSION, STATE, RTP_STATE, LAST_SCAN, THREATS_DETECTED, NOT_DISINFECTED, "
                + "ACTIVE_KEY, ACTIVE_KEY_EXPIRES, RESERVE_KEY, RESERVE_KEY_EXPIRES, INSTALLED_AT, INSTALL_ID, "
                + "STATUS_REPORTS, GROUP_ID) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement component = connection.prepareStatement("INSERT INTO DEVICE_APP_COMPONENT "
                        + "(DEVICE_ID, APPLICATION_ID, NAME, VERSION, STATUS) VALUES (?, ?, ?, ?, ?)")) {
            boolean components = false;
            for (InstalledApplication a : applications) {
                int i = 1;
                app.setString(i++, deviceId.toString());
                app.setString(i++, a.applicationId());
                app.setString(i++, a.name());
                app.setString(i++, a.version());
                app.setString(i++, (a.state() == null ? ApplicationState.UNKNOWN : a.state()).name());
                app.setString(i++, (a.realTimeProtection() == null ? ProtectionState.UNKNOWN
                        : a.realTimeProtection()).name());
                SqlTime.set(app, i++, a.lastScan());
                app.setLong(i++, a.threatsDetected());
                app.setLong(i++, a.objectsNotDisinfected());
                app.setString(i++, a.activeKey() == null ? null : a.activeKey().key());
                SqlTime.set(app, i++, a.activeKey() == null ? null : a.activeKey().expiresAt());
                app.setString(i++, a.reserveKey() == null ? null : a.reserveKey().key());
                SqlTime.set(app, i++, a.reserveKey() == null ? null : a.reserveKey().expiresAt());
                SqlTime.set(app, i++, a.installedAt());
                app.setString(i++, a.installId());
                DeviceRepository.setJson(app, i++, a.statusReports().isEmpty() ? null
                        : DeviceJson.write(a.statusReports()));
                app.setString(i, groupId.toString());
                app.addBatch();
                for (ApplicationComponent c : a.components()) {
                    component.setString(1, deviceId.toString());
                    component.setString(2, a.applicationId());
                    component.setString(3, c.name());
                    component.setString(4, c.version());
                    component.setString(5, c.status());
                    component.addBatch();
                    components = true;
                }
            }
            app.executeBatch();
            if (components) {
                component.executeBatch();
            }
        }
    }

    /** Reads one row of a per-device query. */
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** The rows of a query whose only parameter is the device id. */
    private static <T> List<T> ofDevice(Connection connection, String sql, UUID deviceId, RowReader<T> reader)
            throws SQLException {
        List<T> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, deviceId.toString());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
            }
        }
        return rows;
    }

    List<UserAccount> users(Connection connection, UUID deviceId) throws SQLException {
        return ofDevice(connection, "SELECT ACCOUNT_NAME, ACCOUNT_DOMAIN, FULL_NAME, LAST_LOGON_AT FROM DEVICE_USER "
                + "WHERE DEVICE_ID = ? ORDER BY POSITION", deviceId,
                rs -> new UserAccount(rs.getString(1), rs.getString(2), rs.getString(3),
                        SqlTime.get(rs, "LAST_LOGON_AT")));
    }

    List<UserSession> sessions(Connection connection, UUID deviceId) throws SQLException {
        return ofDevice(connection, "SELECT ACCOUNT_NAME, ACCOUNT_DOMAIN, KIND, STARTED_AT, ENDED_AT FROM "
                + "DEVICE_SESSION WHERE DEVICE_ID = ? ORDER BY STARTED_AT DESC, POSITION", deviceId,
                rs -> new UserSession(rs.getString(1), rs.getString(2), rs.getString(3),
                        SqlTime.get(rs, "STARTED_AT"), SqlTime.get(rs, "ENDED_AT")));
    }

    List<HardwareComponent> hardware(Connection connection, UUID deviceId) throws SQLException {
        return ofDevice(connection, "SELECT CATEGORY, NAME, VENDOR, MODEL, SERIAL_NUMBER, DETAILS FROM "
                + "DEVICE_HARDWARE WHERE DEVICE_ID = ? ORDER BY POSITION", deviceId,
                rs -> new HardwareComponent(rs.getString(1), rs.getString(2), Normalised.emptyToNull(rs.getString(3)),
                        Normalised.emptyToNull(rs.getString(4)), rs.getString(5), rs.getString(6)));
    }

    List<SoftwareEntry> software(Connection connection, UUID deviceId) throws SQLException {
        return ofDevice(connection, "SELECT NAME, VENDOR, VERSION, INSTALLED_AT, LOCATION FROM DEVICE_SOFTWARE "
                + "WHERE DEVICE_ID = ? ORDER BY NAME_KEY, VENDOR_KEY", deviceId,
                rs -> new SoftwareEntry(rs.getString(1), Normalised.emptyToNull(rs.getString(2)),
                        Normalised.emptyToNull(rs.getString(3)), SqlTime.get(rs, "INSTALLED_AT"), rs.getString(5)));
    }

    /**
     * The managed applications of the given devices, by application id.
     *
     * @param withComponents whether to read the components too (status computation does not need them)
     */
    Map<UUID, List<InstalledApplication>> applications(Connection connection, Collection<UUID> deviceIds,
            boolean withComponents) throws SQLException {
        Map<UUID, List<InstalledApplication>> applications = new HashMap<>();
        Map<String, List<ApplicationComponent>> components = new HashMap<>();
        for (List<UUID> chunk : DeviceRepository.chunks(deviceIds)) {
            if (withComponents) {
                try (PreparedStatement statement = connection.prepareStatement("SELECT DEVICE_ID, APPLICATION_ID, "
                        + "NAME, VERSION, STATUS FROM DEVICE_APP_COMPONENT WHERE DEVICE_ID IN ("
                        + DeviceRepository.marks(chunk.size()) + ") ORDER BY NAME")) {
                    DeviceRepository.bindIds(statement, 1, chunk);
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            components.computeIfAbsent(rs.getString(1) + "/" + rs.getString(2),
                                    k -> new ArrayList<>()).add(new ApplicationComponent(rs.getString(3),
                                            rs.getString(4), rs.getString(5)));
                        }
                    }
                }
            }
            try (PreparedStatement statement = connection.prepareStatement("SELECT * FROM DEVICE_APPLICATION "
                    + "WHERE DEVICE_ID IN (" + DeviceRepository.marks(chunk.size()) + ") ORDER BY APPLICATION_ID")) {
                DeviceRepository.bindIds(statement, 1, chunk);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        String deviceId = rs.getString("DEVICE_ID");
                        String applicationId = rs.getString("APPLICATION_ID");
                        String activeKey = rs.getString("ACTIVE_KEY");
                        String reserveKey = rs.getString("RESERVE_KEY");
                        applications.computeIfAbsent(UUID.fromString(deviceId), k -> new ArrayList<>())
                                .add(new InstalledApplication(applicationId, rs.getString("NAME"),
                                        rs.getString("VERSION"), ApplicationState.valueOf(rs.getString("STATE")),
                                        ProtectionState.valueOf(rs.getString("RTP_STATE")),
                                        SqlTime.get(rs, "LAST_SCAN"), rs.getLong("THREATS_DETECTED"),
                                        rs.getLong("NOT_DISINFECTED"),
                                        components.getOrDefault(deviceId + "/" + applicationId, List.of()),
                                        activeKey == null && rs.getTimestamp("ACTIVE_KEY_EXPIRES") == null ? null
                                                : new LicenceKey(activeKey, SqlTime.get(rs, "ACTIVE_KEY_EXPIRES")),
                                        reserveKey == null && rs.getTimestamp("RESERVE_KEY_EXPIRES") == null ? null
                                                : new LicenceKey(reserveKey, SqlTime.get(rs, "RESERVE_KEY_EXPIRES")),
                                        SqlTime.get(rs, "INSTALLED_AT"), rs.getString("INSTALL_ID"),
                                        DeviceJson.reports(rs.getString("STATUS_REPORTS")), List.of()));
                    }
                }
            }
        }
        return applications;
    }

    /**
     * One line per software name, vendor and version with its device count, keyset-paged by those keys: read from
     * the counts per spelling, the first spelling (in sort order) naming the line.
     */
    Page<SoftwareProduct> softwareRegistry(Connection connection, String nameContains, PageRequest page)
            throws SQLException {
        boolean filtered = nameContains != null && !nameContains.isBlank();
        return groupedListing(connection, new GroupedListing("software", "SOFTWARE_PRODUCT", "DEVICE_COUNT > 0",
                List.of("NAME_KEY", "VENDOR_KEY", "VERSION"), "MIN(NAME), MIN(VENDOR), SUM(DEVICE_COUNT)",
                filtered ? "NAME_KEY LIKE ? ESCAPE '\\'" : null,
                filtered ? Normalised.containsPattern(nameContains) : null), page,
                rs -> new SoftwareProduct(rs.getString(4), Normalised.emptyToNull(rs.getString(5)),
                        Normalised.emptyToNull(rs.getString(3)), rs.getLong(6)));
    }

    /** One line per hardware category, vendor and model with its device count. */
    Page<HardwareModel> hardwareRegistry(Connection connection, String category, PageRequest page)
            throws SQLException {
        boolean filtered = category != null && !category.isBlank();
        return groupedListing(connection, new GroupedListing("hardware", "DEVICE_HARDWARE", null,
                List.of("CATEGORY", "VENDOR", "MODEL"), "COUNT(DISTINCT DEVICE_ID)",
                filtered ? "CATEGORY = ?" : null, filtered ? Normalised.key(category) : null), page,
                rs -> new HardwareModel(rs.getString(1), Normalised.emptyToNull(rs.getString(2)),
                        Normalised.emptyToNull(rs.getString(3)), rs.getLong(4)));
    }

    /**
     * A fleet-wide registry: the rows of one inventory table grouped by three key columns, with aggregates, keyset-
     * paged by the keys. Table, columns and filter are constants of this class, never input.
     *
     * @param listing     names the listing in its cursors
     * @param condition   an optional condition without parameters on every row
     * @param aggregates  selected after the three keys (columns 4 and on)
     * @param filter      an optional condition with one parameter, {@code filterValue}
     */
    private record GroupedListing(String listing, String table, String condition, List<String> keys,
            String aggregates, String filter, String filterValue) {

        /** The WHERE clause of the condition and the filter, or "". */
        String where() {
            List<String> all = new ArrayList<>();
            if (condition != null) {
                all.add(condition);
            }
            if (filter != null) {
                all.add(filter);
            }
            return all.isEmpty() ? "" : " WHERE " + String.join(" AND ", all);
        }
    }

    private static <T> Page<T> groupedListing(Connection connection, GroupedListing listing, PageRequest page,
            RowReader<T> row) throws SQLException {
        String where = listing.where();
        String keys = String.join(", ", listing.keys());
        long total;
        try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM (SELECT "
                + listing.keys().get(0) + " FROM " + listing.table() + where + " GROUP BY " + keys + ") g")) {
            if (listing.filter() != null) {
                statement.setString(1, listing.filterValue());
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
        }
        List<String> after = page.cursor() == null ? null : cursorKeys(page.cursor(), listing.listing(), 3);
        String k1 = listing.keys().get(0);
        String k2 = listing.keys().get(1);
        String k3 = listing.keys().get(2);
        String afterSql = after == null ? "" : (where.isEmpty() ? " WHERE " : " AND ") + "(" + k1 + " > ? OR (" + k1
                + " = ? AND " + k2 + " > ?) OR (" + k1 + " = ? AND " + k2 + " = ? AND " + k3 + " > ?))";
        List<T> items = new ArrayList<>();
        List<String[]> rowKeys = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + keys + ", "
                + listing.aggregates() + " FROM " + listing.table() + where + afterSql + " GROUP BY " + keys
                + " ORDER BY " + keys + " FETCH FIRST " + (page.limit() + 1) + " ROWS ONLY")) {
            int i = 1;
            if (listing.filter() != null) {
                statement.setString(i++, listing.filterValue());
            }
            if (after != null) {
                for (String value : List.of(after.get(0), after.get(0), after.get(1), after.get(0), after.get(1),
                        after.get(2))) {
                    statement.setString(i++, value);
                }
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rowKeys.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                    items.add(row.read(rs));
                }
            }
        }
        return page(items, rowKeys, page, total, listing.listing());
    }

    private static List<String> cursorKeys(Cursor cursor, String listing, int count) {
        List<String> keys = cursor.keys();
        if (keys.size() != count + 1 || !keys.get(0).equals(listing)) {
            throw new ValidationException("cursor", "belongs to another listing; start again without one");
        }
        return keys.subList(1, keys.size());
    }

    private static <T> Page<T> page(List<T> items, List<String[]> rowKeys, PageRequest page, long total,
            String listing) {
        if (items.size() <= page.limit()) {
            return new Page<>(items, null, total);
        }
        String[] last = rowKeys.get(page.limit() - 1);
        List<String> keys = new ArrayList<>(List.of(listing));
        keys.addAll(List.of(last));
        return new Page<>(items.subList(0, page.limit()), new Cursor(keys).encode(), total);
    }
}
