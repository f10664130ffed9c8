package org.garrison.devices.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.device.Device;
import org.garrison.api.device.DeviceActivity;
import org.garrison.api.device.DeviceIdentity;
import org.garrison.api.device.DeviceNetwork;
import org.garrison.api.device.DeviceStatus;
import org.garrison.api.device.DeviceTag;
import org.garrison.api.device.DomainType;
import org.garrison.api.device.OperatingSystem;
import org.garrison.api.device.OsType;
import org.garrison.api.device.StatusLevel;
import org.garrison.api.device.Virtualisation;
import org.garrison.api.store.SqlTime;

/**
 * SQL of the DEVICE table and its MAC address and tag tables: the device rows, their listing with filters and
 * keyset paging, group membership and bulk changes.
 */
final class DeviceRepository {

    /** How many ids go into one IN list. */
    static final int CHUNK = 500;

    private final SearchTermRepository terms = new SearchTermRepository(this);

    private static final String UPDATE_SCALARS = "UPDATE DEVICE SET DISPLAY_NAME = ?, NAME_KEY = ?, "
            + "NAME_SET_BY_ADMIN = ?, DESCRIPTION = ?, WIN_DOMAIN = ?, WIN_DOMAIN_TYPE = ?, NETBIOS_NAME = ?, "
            + "DNS_DOMAIN = ?, DNS_NAME = ?, DNS_NAME_KEY = ?, HARDWARE_ID = ?, IPV4 = ?, IPV4_KEY = ?, IPV6 = ?, "
            + "NETWORK_LOCATION = ?, OS_TYPE = ?, OS_KEY = ?, OS_ARCH = ?, OS_VENDOR = ?, OS_NAME = ?, "
            + "OS_VERSION = ?, OS_BUILD = ?, OS_RELEASE_ID = ?, OS_INSTALL_FOLDER = ?, VM = ?, HYPERVISOR = ?, "
            + "VM_TYPE = ?, VDI_DYNAMIC = ?, VIRTUAL_SERVER = ?, LAST_UPDATE = ?, LAST_VISIBLE = ?, "
            + "LAST_VISIBLE_KEY = ?, RESTART_PENDING = ?, POWERED_ON_AT = ?, STATUS = ?, STATUS_REASONS = ?, "
            + "STATUS_AT = ?, GROUP_ID = ?, CREATED_AT = ?, MODIFIED_AT = ? WHERE ID = ?";

    private static final String MOVE_APPLICATIONS = "UPDATE DEVICE_APPLICATION SET GROUP_ID = ? WHERE DEVICE_ID = ? "
            + "AND GROUP_ID <> ?";

    private static final String INSERT = "INSERT INTO DEVICE (DISPLAY_NAME, NAME_KEY, NAME_SET_BY_ADMIN, "
            + "DESCRIPTION, WIN_DOMAIN, WIN_DOMAIN_TYPE, NETBIOS_NAME, DNS_DOMAIN, DNS_NAME, DNS_NAME_KEY, "
            + "HARDWARE_ID, IPV4, IPV4_KEY, IPV6, NETWORK_LOCATION, OS_TYPE, OS_KEY, OS_ARCH, OS_VENDOR, OS_NAME, "
            + "OS_VERSION, OS_BUILD, OS_RELEASE_ID, OS_INSTALL_FOLDER, VM, HYPERVISOR, VM_TYPE, VDI_DYNAMIC, "
            + "VIRTUAL_SERVER, LAST_UPDATE, LAST_VISIBLE, LAST_VISIBLE_KEY, RESTART_PENDING, POWERED_ON_AT, STATUS, "
            + "STATUS_REASONS, STATUS_AT, GROUP_ID, CREATED_AT, MODIFIED_AT, ID) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            + "?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** Inserts the device row with its MAC addresses, tags and search terms. */
    void insert(Connection connection, StoredDevice stored) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            bindRow(statement, stored);
            statement.executeUpdate();
        }
        Device device = stored.device();
        replaceMacs(connection, device.id(), device.network().macAddresses());
        terms.sync(connection, device.id(), SearchTerms.of(device));
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO DEVICE_TAG (DEVICE_ID, TAG_KEY, SOURCE, TAG) VALUES (?, ?, ?, ?)")) {
            for (DeviceTag tag : device.tags()) {
                statement.setString(1, device.id().toString());
                statement.setString(2, Normalised.key(tag.name()));
                statement.setString(3, tag.source());
                statement.setString(4, tag.name());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /**
     * Rewrites every column of the device row (not its MAC addresses or tags) and brings its search terms in line
     * with the device, MAC addresses included, and its applications' group with its group.
     */
    void update(Connection connection, StoredDevice stored) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(UPDATE_SCALARS)) {
            bindRow(statement, stored);
            statement.executeUpdate();
        }
        terms.sync(connection, stored.device().id(), SearchTerms.of(stored.device()));
        try (PreparedStatement statement = connection.prepareStatement(MOVE_APPLICATIONS)) {
            bindMove(statement, stored.device().id(), stored.device().groupId());
            statement.executeUpdate();
        }
    }

    private static void bindRow(PreparedStatement s, StoredDevice stored) throws SQLException {
        Device d = stored.device();
        DeviceIdentity identity = d.identity();
        DeviceNetwork network = d.network();
        OperatingSystem os = d.os();
        Virtualisation vm = d.virtualisation();
        DeviceActivity activity = d.activity();
        int i = 1;
        s.setString(i++, d.displayName());
        s.setString(i++, Normalised.key(d.displayName()));
        s.setBoolean(i++, stored.nameSetByAdmin());
        s.setString(i++, d.description());
        s.setString(i++, identity.windowsDomain());
        s.setString(i++, identity.windowsDomainType() == null ? null : identity.windowsDomainType().name());
        s.setString(i++, identity.netbiosName());
        s.setString(i++, identity.dnsDomain());
        s.setString(i++, identity.dnsName());
        s.setString(i++, identity.dnsName() == null ? null : Normalised.key(identity.dnsName()));
        s.setString(i++, identity.hardwareId());
        s.setString(i++, network.ipv4());
        s.setLong(i++, network.ipv4() == null ? Normalised.NO_IPV4 : Normalised.ipv4(network.ipv4()));
        s.setString(i++, network.ipv6());
        s.setString(i++, network.networkLocation());
        s.setString(i++, os.type() == null ? null : os.type().name());
        s.setString(i++, osKey(os));
        s.setString(i++, os.architecture());
        s.setString(i++, os.vendor());
        s.setString(i++, os.name());
        s.setString(i++, os.version());
        s.setString(i++, os.build());
        s.setString(i++, os.releaseId());
        s.setString(i++, os.installFolder());
        s.setBoolean(i++, vm.virtualMachine());
        s.setString(i++, vm.hypervisor());
        s.setString(i++, vm.vmType());
        s.setBoolean(i++, vm.vdiDynamic());
        s.setString(i++, vm.managingVirtualServer());
        SqlTime.set(s, i++, activity.lastUpdate());
        SqlTime.set(s, i++, activity.lastVisible());
        s.setLong(i++, activity.lastVisible() == null ? 0L : activity.lastVisible().toEpochMilli());
        s.setBoolean(i++, activity.restartPending());
        SqlTime.set(s, i++, activity.poweredOnAt());
        s.setInt(i++, d.status().level().ordinal());
        setJson(s, i++, DeviceJson.write(d.status().reasons()));
        SqlTime.set(s, i++, d.status().computedAt());
        s.setString(i++, d.groupId().toString());
        SqlTime.set(s, i++, d.createdAt());
        SqlTime.set(s, i++, d.modifiedAt());
        s.setString(i, d.id().toString());
    }

    static void setJson(PreparedStatement statement, int index, String json) throws SQLException {
        if (json == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, json);
        }
    }

    private static String osKey(OperatingSystem os) {
        if (os.name() != null) {
            return Normalised.key(os.name());
        }
        return os.type() == null ? "" : Normalised.key(os.type().name());
    }

    /** The device, with its MAC addresses and tags. */
    Optional<StoredDevice> find(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT * FROM DEVICE WHERE ID = ?")) {
            statement.setString(1, id.toString());
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Map<UUID, List<String>> macs = macs(connection, List.of(id));
                Map<UUID, List<DeviceTag>> tags = tags(connection, List.of(id));
                return Optional.of(new StoredDevice(read(rs, macs, tags), rs.getBoolean("NAME_SET_BY_ADMIN")));
            }
        }
    }

    private static Device read(ResultSet rs, Map<UUID, List<String>> macs, Map<UUID, List<DeviceTag>> tags)
            throws SQLException {
        UUID id = UUID.fromString(rs.getString("ID"));
        String domainType = rs.getString("WIN_DOMAIN_TYPE");
        String osType = rs.getString("OS_TYPE");
        return new Device(id, UUID.fromString(rs.getString("GROUP_ID")), rs.getString("DISPLAY_NAME"),
                rs.getString("DESCRIPTION"),
                new DeviceIdentity(rs.getString("WIN_DOMAIN"),
                        domainType == null ? null : DomainType.valueOf(domainType),
                        rs.getString("NETBIOS_NAME"), rs.getString("DNS_DOMAIN"), rs.getString("DNS_NAME"),
                        rs.getString("HARDWARE_ID")),
                new DeviceNetwork(rs.getString("IPV4"), rs.getString("IPV6"), rs.getString("NETWORK_LOCATION"),
                        macs.getOrDefault(id, List.of())),
                new OperatingSystem(osType == null ? null : OsType.valueOf(osType), rs.getString("OS_ARCH"),
                        rs.getString("OS_VENDOR"), rs.getString("OS_NAME"), rs.getString("OS_VERSION"),
                        rs.getString("OS_BUILD"), rs.getString("OS_RELEASE_ID"), rs.getString("OS_INSTALL_FOLDER")),
                new Virtualisation(rs.getBoolean("VM"), rs.getString("HYPERVISOR"), rs.getString("VM_TYPE"),
                        rs.getBoolean("VDI_DYNAMIC"), rs.getString("VIRTUAL_SERVER")),
                new DeviceActivity(SqlTime.get(rs, "LAST_UPDATE"), SqlTime.get(rs, "LAST_VISIBLE"),
                        rs.getBoolean("RESTART_PENDING"), SqlTime.get(rs, "POWERED_ON_AT")),
                new DeviceStatus(StatusLevel.values()[rs.getInt("STATUS")],
                        DeviceJson.reasons(rs.getString("STATUS_REASONS")), SqlTime.get(rs, "STATUS_AT")),
                tags.getOrDefault(id, List.of()), SqlTime.get(rs, "CREATED_AT"), SqlTime.get(rs, "MODIFIED_AT"));
    }

    Map<UUID, List<String>> macs(Connection connection, Collection<UUID> ids) throws SQLException {
        Map<UUID, List<String>> macs = new HashMap<>();
        for (List<UUID> chunk : chunks(ids)) {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT DEVICE_ID, MAC FROM DEVICE_MAC WHERE DEVICE_ID IN (" + marks(chunk.size())
                            + ") ORDER BY DEVICE_ID, MAC")) {
                bindIds(statement, 1, chunk);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        macs.computeIfAbsent(UUID.fromString(rs.getString(1)), k -> new ArrayList<>())
                                .add(rs.getString(2));
                    }
                }
            }
        }
        return macs;
    }

    Map<UUID, List<DeviceTag>> tags(Connection connection, Collection<UUID> ids) throws SQLException {
        Map<UUID, List<DeviceTag>> tags = new HashMap<>();
        for (List<UUID> chunk : chunks(ids)) {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT DEVICE_ID, TAG, SOURCE FROM DEVICE_TAG WHERE DEVICE_ID IN (" + marks(chunk.size())
                            + ") ORDER BY DEVICE_ID, TAG_KEY, SOURCE")) {
                bindIds(statement, 1, chunk);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        tags.computeIfAbsent(UUID.fromString(rs.getString(1)), k -> new ArrayList<>())
                                .add(new DeviceTag(rs.getString(2), rs.getString(3)));
                    }
                }
            }
        }
        return tags;
    }

    void replaceMacs(Connection connection, UUID id, List<String> macs) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM DEVICE_MAC WHERE DEVICE_ID = ?")) {
            statement.setString(1, id.toString());
            statement.executeUpdate();
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO DEVICE_MAC (DEVICE_ID, MAC) VALUES (?, ?)")) {
            for (String mac : macs) {
                statement.setString(1, id.toString());
                statement.setString(2, mac);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** Replaces the device's tags of one source (an application id, or the admin's). */
    void replaceTags(Connection connection, UUID id, String source, Collection<String> tags) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "DELETE FROM DEVICE_TAG WHERE DEVICE_ID = ? AND SOURCE = ?")) {
            statement.setString(1, id.toString());
            statement.setString(2, source);
            statement.executeUpdate();
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO DEVICE_TAG (DEVICE_ID, TAG_KEY, SOURCE, TAG) VALUES (?, ?, ?, ?)")) {
            for (String tag : tags) {
                statement.setString(1, id.toString());
                statement.setString(2, Normalised.key(tag));
                statement.setString(3, source);
                statement.setString(4, tag);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** Removes the tags set by any application (a full inventory sets them again). */
    void deleteApplicationTags(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "DELETE FROM DEVICE_TAG WHERE DEVICE_ID = ? AND SOURCE <> ?")) {
            statement.setString(1, id.toString());
            statement.setString(2, DeviceTag.ADMIN);
            statement.executeUpdate();
        }
    }

    void updateStatus(Connection connection, UUID id, DeviceStatus status) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE DEVICE SET STATUS = ?, STATUS_REASONS = ?, STATUS_AT = ? WHERE ID = ?")) {
            bindStatus(statement, id, status);
            statement.executeUpdate();
        }
    }

    /** Stores many statuses in one batch. */
    void updateStatuses(Connection connection, Map<UUID, DeviceStatus> statuses) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE DEVICE SET STATUS = ?, STATUS_REASONS = ?, STATUS_AT = ? WHERE ID = ?")) {
            for (Map.Entry<UUID, DeviceStatus> entry : statuses.entrySet()) {
                bindStatus(statement, entry.getKey(), entry.getValue());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static void bindStatus(PreparedStatement statement, UUID id, DeviceStatus status) throws SQLException {
        statement.setInt(1, status.level().ordinal());
        setJson(statement, 2, DeviceJson.write(status.reasons()));
        SqlTime.set(statement, 3, status.computedAt());
        statement.setString(4, id.toString());
    }

    /**
     * Moves the last visible time of devices forward (never back), in one batch.
     *
     * @return the devices whose time moved
     */
    List<UUID> markVisible(Connection connection, Map<UUID, Instant> lastVisible) throws SQLException {
        List<UUID> ids = new ArrayList<>(lastVisible.keySet());
        try (PreparedStatement statement = connection.prepareStatement("UPDATE DEVICE SET LAST_VISIBLE = ?, "
                + "LAST_VISIBLE_KEY = ? WHERE ID = ? AND LAST_VISIBLE_KEY < ?")) {
            for (UUID id : ids) {
                Instant seen = lastVisible.get(id);
                SqlTime.set(statement, 1, seen);
                statement.setLong(2, seen.toEpochMilli());
                statement.setString(3, id.toString());
                statement.setLong(4, seen.toEpochMilli());
                statement.addBatch();
            }
            int[] counts = statement.executeBatch();
            List<UUID> moved = new ArrayList<>();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0 || counts[i] == Statement.SUCCESS_NO_INFO) {
                    moved.add(ids.get(i));
                }
            }
            return moved;
        }
    }

    /** The stored facts that status needs, for a batch of devices after the given id (in id order). */
    List<StatusRow> statusRows(Connection connection, String afterId, int size) throws SQLException {
        List<StatusRow> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT ID, GROUP_ID, CREATED_AT, LAST_UPDATE, LAST_VISIBLE, RESTART_PENDING, STATUS, STATUS_REASONS "
                        + "FROM DEVICE WHERE ID > ? ORDER BY ID FETCH FIRST " + size + " ROWS ONLY")) {
            statement.setString(1, afterId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(statusRow(rs));
                }
            }
        }
        return rows;
    }

    /** The stored facts that status needs, for the given devices. */
    List<StatusRow> statusRows(Connection connection, Collection<UUID> ids) throws SQLException {
        List<StatusRow> rows = new ArrayList<>();
        for (List<UUID> chunk : chunks(ids)) {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT ID, GROUP_ID, CREATED_AT, LAST_UPDATE, LAST_VISIBLE, RESTART_PENDING, STATUS, "
                            + "STATUS_REASONS FROM DEVICE WHERE ID IN (" + marks(chunk.size()) + ")")) {
                bindIds(statement, 1, chunk);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        rows.add(statusRow(rs));
                    }
                }
            }
        }
        return rows;
    }

    private static StatusRow statusRow(ResultSet rs) throws SQLException {
        return new StatusRow(UUID.fromString(rs.getString("ID")), UUID.fromString(rs.getString("GROUP_ID")),
                SqlTime.get(rs, "CREATED_AT"), SqlTime.get(rs, "LAST_UPDATE"), SqlTime.get(rs, "LAST_VISIBLE"),
                rs.getBoolean("RESTART_PENDING"), StatusLevel.values()[rs.getInt("STATUS")],
                DeviceJson.reasons(rs.getString("STATUS_REASONS")));
    }

    /** The status facts of a device row. */
    record StatusRow(UUID id, UUID groupId, Instant createdAt, Instant lastUpdate, Instant lastVisible,
            boolean restartPending, StatusLevel level, List<org.garrison.api.device.StatusReason> reasons) {
    }

    /**
     * Devices of a group neither visible since the cutoff nor, if never seen, registered since, at most
     * {@code limit} of them.
     */
    List<UUID> inactive(Connection connection, UUID groupId, Instant cutoff, int limit) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT ID FROM DEVICE WHERE GROUP_ID = ? "
                + "AND ((LAST_VISIBLE_KEY > 0 AND LAST_VISIBLE_KEY < ?) OR (LAST_VISIBLE_KEY = 0 AND CREATED_AT < ?)) "
                + "FETCH FIRST " + limit + " ROWS ONLY")) {
            statement.setString(1, groupId.toString());
            statement.setLong(2, cutoff.toEpochMilli());
            SqlTime.set(statement, 3, cutoff);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(UUID.fromString(rs.getString(1)));
                }
            }
        }
        return ids;
    }

    /** A device to report as inactive: when it was last visible (or, if never, registered). */
    record InactiveDevice(UUID id, Instant lastSeen) {
    }

    /**
     * Devices of a group inactive since before the cutoff (as {@link #inactive}) that have not been reported for this
     * absence yet, at most {@code limit} of them.
     */
    List<InactiveDevice> inactiveUnreported(Connection connection, UUID groupId, Instant cutoff, int limit)
            throws SQLException {
        List<InactiveDevice> found = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT ID, LAST_VISIBLE, CREATED_AT "
                + "FROM DEVICE WHERE GROUP_ID = ? "
                + "AND ((LAST_VISIBLE_KEY > 0 AND LAST_VISIBLE_KEY < ?) OR (LAST_VISIBLE_KEY = 0 AND CREATED_AT < ?)) "
                + "AND INACTIVE_NOTICE_KEY <> LAST_VISIBLE_KEY FETCH FIRST " + limit + " ROWS ONLY")) {
            statement.setString(1, groupId.toString());
            statement.setLong(2, cutoff.toEpochMilli());
            SqlTime.set(statement, 3, cutoff);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Instant lastVisible = SqlTime.get(rs, "LAST_VISIBLE");
                    found.add(new InactiveDevice(UUID.fromString(rs.getString("ID")),
                            lastVisible != null ? lastVisible : SqlTime.get(rs, "CREATED_AT")));
                }
            }
        }
        return found;
    }

    /** Marks the devices' current absence as reported. */
    void markInactiveReported(Connection connection, Collection<UUID> ids) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE DEVICE SET INACTIVE_NOTICE_KEY = LAST_VISIBLE_KEY WHERE ID = ?")) {
            for (UUID id : ids) {
                statement.setString(1, id.toString());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** Which of the ids name existing devices. */
    Set<UUID> existing(Connection connection, Collection<UUID> ids) throws SQLException {
        return groupsOf(connection, ids).keySet();
    }

    Map<UUID, UUID> groupsOf(Connection connection, Collection<UUID> ids) throws SQLException {
        Map<UUID, UUID> groups = new HashMap<>();
        for (List<UUID> chunk : chunks(ids)) {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT ID, GROUP_ID FROM DEVICE WHERE ID IN (" + marks(chunk.size()) + ")")) {
                bindIds(statement, 1, chunk);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        groups.put(UUID.fromString(rs.getString(1)), UUID.fromString(rs.getString(2)));
                    }
                }
            }
        }
        return groups;
    }

    /**
     * Moves devices into a group, their applications with them (DEVICE_APPLICATION keeps each device's group, so
     * summaries over groups need not look up the devices); returns how many devices changed group.
     */
    int move(Connection connection, Collection<UUID> ids, UUID groupId, Instant now) throws SQLException {
        int moved = 0;
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE DEVICE SET GROUP_ID = ?, MODIFIED_AT = ? WHERE ID = ? AND GROUP_ID <> ?");
                PreparedStatement applications = connection.prepareStatement(MOVE_APPLICATIONS)) {
            for (UUID id : ids) {
                statement.setString(1, groupId.toString());
                SqlTime.set(statement, 2, now);
                statement.setString(3, id.toString());
                statement.setString(4, groupId.toString());
                statement.addBatch();
                bindMove(applications, id, groupId);
                applications.addBatch();
            }
            for (int count : statement.executeBatch()) {
                moved += Math.max(count, 0);
            }
            applications.executeBatch();
        }
        return moved;
    }

    private static void bindMove(PreparedStatement statement, UUID deviceId, UUID groupId) throws SQLException {
        statement.setString(1, groupId.toString());
        statement.setString(2, deviceId.toString());
        statement.setString(3, groupId.toString());
    }

    /** Deletes device rows; their child rows go with them. */
    void delete(Connection connection, Collection<UUID> ids) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM DEVICE WHERE ID = ?")) {
            for (UUID id : ids) {
                statement.setString(1, id.toString());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    Map<UUID, Long> countByGroup(Connection connection, Collection<UUID> groupIds) throws SQLException {
        Map<UUID, Long> counts = new HashMap<>();
        for (List<UUID> chunk : chunks(groupIds)) {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT GROUP_ID, COUNT(*) FROM DEVICE WHERE GROUP_ID IN (" + marks(chunk.size())
                            + ") GROUP BY GROUP_ID")) {
                bindIds(statement, 1, chunk);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        counts.put(UUID.fromString(rs.getString(1)), rs.getLong(2));
                    }
                }
            }
        }
        return counts;
    }

    List<UUID> idsInGroups(Connection connection, Collection<UUID> groupIds) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        for (List<UUID> chunk : chunks(groupIds)) {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT ID FROM DEVICE WHERE GROUP_ID IN (" + marks(chunk.size()) + ")")) {
                bindIds(statement, 1, chunk);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        ids.add(UUID.fromString(rs.getString(1)));
                    }
                }
            }
        }
        return ids;
    }

    /** The devices with the given ids, with MAC addresses and tags. */
    Map<UUID, Device> load(Connection connection, List<UUID> ids) throws SQLException {
        Map<UUID, Device> devices = new HashMap<>();
        if (ids.isEmpty()) {
            return devices;
        }
        Map<UUID, List<String>> macs = macs(connection, ids);
        Map<UUID, List<DeviceTag>> tags = tags(connection, ids);
        for (List<UUID> chunk : chunks(ids)) {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT * FROM DEVICE WHERE ID IN (" + marks(chunk.size()) + ")")) {
                bindIds(statement, 1, chunk);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        Device device = read(rs, macs, tags);
                        devices.put(device.id(), device);
                    }
                }
            }
        }
        return devices;
    }

    static String marks(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    static void bindIds(PreparedStatement statement, int first, Collection<UUID> ids) throws SQLException {
        int index = first;
        for (UUID id : ids) {
            statement.setString(index++, id.toString());
        }
    }

    static List<List<UUID>> chunks(Collection<UUID> ids) {
        List<UUID> all = new ArrayList<>(new HashSet<>(ids));
        List<List<UUID>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return chunks;
    }
}
