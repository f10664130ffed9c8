package org.garrison.bench.devices;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;
import java.util.function.Supplier;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.device.Device;
import org.garrison.api.device.DeviceQuery;
import org.garrison.api.device.DeviceService;
import org.garrison.api.device.DeviceSort;
import org.garrison.api.device.OsType;
import org.garrison.api.device.StatusLevel;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.group.EffectiveDeviceSettings;
import org.garrison.api.group.GroupDeviceSettingsService;
import org.garrison.api.group.GroupService;
import org.garrison.api.group.InactivityHandling;
import org.garrison.devices.internal.DeviceEvents;
import org.garrison.devices.internal.DeviceSearchBackfill;
import org.garrison.devices.internal.ManagedDevices;
import org.garrison.store.internal.TransactionsService;

import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Seeds a file Derby database with many devices (and software registries for part of them) and times the device
 * listing with typical filters and the fleet-wide software aggregation through the devices service. The baseline,
 * measured in the same run, is a raw JDBC primary-key page of the same size; figures are printed as p50/p99 and as
 * ratios to it.
 *
 * <p>Arguments: {@code [devices] [devices with software] [software entries per device] [database folder] [runs]};
 * the defaults are 1,000,000, 100,000, 40, {@code target/bench-db} and 30. An existing database of the same size is
 * reused. Each line ends with the listing's total and a hash of its first page, to compare results between
 * versions of the devices bundle on the same database.
 */
public final class DeviceListBench {

    private static final int GROUPS = 20;
    private static final int BATCH = 5_000;
    private static int runs = 30;
    private static final String[] VENDORS = {"Mozilla", "Microsoft", "Google", "Adobe", "Oracle", "VideoLAN",
        "Igor Pavlov", "Notepad++", "JetBrains", "Zoom"};

    private DeviceListBench() {
    }

    public static void main(String[] args) throws Exception {
        int deviceCount = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int softwareDevices = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int entries = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        Path folder = Path.of(args.length > 3 ? args[3] : "target/bench-db").toAbsolutePath();
        runs = args.length > 4 ? Integer.parseInt(args[4]) : runs;
        Files.createDirectories(folder.getParent());

        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(folder.toString());
        dataSource.setCreateDatabase("create");
        migrate(dataSource);

        List<UUID> groups = groups();
        long existing = count(dataSource, "SELECT COUNT(*) FROM DEVICE");
        if (existing != deviceCount) {
            if (existing != 0) {
                throw new IllegalStateException(folder + " holds " + existing + " devices, not " + deviceCount
                        + ": delete it or name another folder");
            }
            seed(dataSource, deviceCount, softwareDevices, entries, groups);
        } else {
            System.out.printf("reusing %s with %,d devices and %,d software entries%n", folder, existing,
                    count(dataSource, "SELECT COUNT(*) FROM DEVICE_SOFTWARE"));
        }

        long fillStart = System.nanoTime();
        int batches = new DeviceSearchBackfill(new TransactionsService(dataSource), null).fill();
        if (batches > 0) {
            System.out.printf("filled in the search terms of existing devices in %.1f s%n",
                    (System.nanoTime() - fillStart) / 1e9);
        }

        DeviceService devices = new ManagedDevices(new TransactionsService(dataSource), groups(groups),
                settings(), null, null, new DeviceEvents(), null);
        double baseline = baseline(dataSource);
        System.out.printf("%nbaseline: raw JDBC page of 50 by primary key   p50 %8.2f ms%n", baseline);
        System.out.println("listing (50 per page, with total count)          p50 ms    p99 ms   p50/baseline");
        UUID parent = AdministrationGroup.MANAGED_DEVICES;
        time("all devices, by name", baseline, () -> devices.list(query(null, null, null, null, null,
                DeviceSort.NAME, false), PageRequest.first()));
        time("one group subtree, by name", baseline, () -> devices.list(query(parent, null, null, null, null,
                DeviceSort.NAME, false), PageRequest.first()));
        time("one leaf group, by name", baseline, () -> devices.list(query(groups.get(3), null, null, null, null,
                DeviceSort.NAME, false), PageRequest.first()));
        time("status CRITICAL, by name", baseline, () -> devices.list(query(null, Set.of(StatusLevel.CRITICAL),
                null, null, null, DeviceSort.NAME, false), PageRequest.first()));
        time("os LINUX, by last visible desc", baseline, () -> devices.list(query(null, null,
                Set.of(OsType.LINUX), null, null, DeviceSort.LAST_VISIBLE, true), PageRequest.first()));
        time("text 'ws-0001234'", baseline, () -> devices.list(query(null, null, null, "ws-0001234", null,
                DeviceSort.NAME, false), PageRequest.first()));
        time("tag 'vip', by ip", baseline, () -> devices.list(query(null, null, null, null, "vip",
                DeviceSort.IP, false), PageRequest.first()));
        Page<Device> first = devices.list(query(null, null, null, null, null, DeviceSort.NAME, false),
                PageRequest.first());
        time("all devices, second page by cursor", baseline, () -> devices.list(query(null, null, null, null, null,
                DeviceSort.NAME, false), PageRequest.of(50, first.nextCursor())));

        System.out.println();
        time("software registry, first page", baseline,
                () -> devices.softwareRegistry(null, PageRequest.first()));
        time("software registry, name contains 'fire'", baseline,
                () -> devices.softwareRegistry("fire", PageRequest.first()));
        time("devices with 'Product 7' 1.3", baseline, () -> devices.list(new DeviceQuery(null, true, null, null,
                null, null, null, null, null, null, "Product 7", "1.3", DeviceSort.NAME, false), PageRequest.first()));
    }

    private static DeviceQuery query(UUID group, Set<StatusLevel> statuses, Set<OsType> os, String text, String tag,
            DeviceSort sort, boolean descending) {
        return new DeviceQuery(group, true, statuses, os, text, tag, null, null, null, null, null, null, sort,
                descending);
    }

    private static void time(String name, double baseline, Supplier<Page<?>> work) {
        Page<?> page = work.get();
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        double p50 = millis[runs / 2];
        double p99 = millis[(int) Math.ceil(runs * 0.99) - 1];
        // devices by id: a record's hash includes its enums', which differ from one JVM to the next
        List<String> shown = page.items().stream()
                .map(item -> item instanceof Device device ? device.id().toString() : item.toString()).toList();
        System.out.printf("  %-46s %9.2f %9.2f %10.1fx   total %,d, page %08x%n", name, p50, p99, p50 / baseline,
                page.total(), shown.hashCode());
    }

    private static double baseline(EmbeddedDataSource dataSource) throws SQLException {
        double[] millis = new double[runs];
        try (Connection connection = dataSource.getConnection()) {
            for (int i = -1; i < runs; i++) {
                long start = System.nanoTime();
                try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT * FROM DEVICE ORDER BY ID FETCH FIRST 51 ROWS ONLY");
                        ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        rs.getString("DISPLAY_NAME");
                    }
                }
                if (i >= 0) {
                    millis[i] = (System.nanoTime() - start) / 1e6;
                }
            }
        }
        Arrays.sort(millis);
        return millis[runs / 2];
    }

    private static void seed(EmbeddedDataSource dataSource, int deviceCount, int softwareDevices, int entries,
            List<UUID> groups) throws SQLException {
        Random random = new Random(42);
        Instant now = Instant.now();
        Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        OsType[] osTypes = {OsType.WINDOWS, OsType.WINDOWS, OsType.WINDOWS, OsType.LINUX, OsType.MACOS};
        long start = System.nanoTime();
        List<UUID> withSoftware = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement device = connection.prepareStatement("INSERT INTO DEVICE (ID, GROUP_ID, "
                    + "DISPLAY_NAME, NAME_KEY, NAME_SET_BY_ADMIN, DNS_NAME, DNS_NAME_KEY, IPV4, IPV4_KEY, OS_TYPE, "
                    + "OS_KEY, OS_NAME, VM, VDI_DYNAMIC, LAST_UPDATE, LAST_VISIBLE, LAST_VISIBLE_KEY, RESTART_PENDING, "
                    + "STATUS, STATUS_AT, CREATED_AT, MODIFIED_AT) VALUES (?, ?, ?, ?, FALSE, ?, ?, ?, ?, ?, ?, ?, "
                    + "FALSE, FALSE, ?, ?, ?, FALSE, ?, ?, ?, ?)");
                    PreparedStatement tag = connection.prepareStatement("INSERT INTO DEVICE_TAG "
                            + "(DEVICE_ID, TAG_KEY, SOURCE, TAG) VALUES (?, 'vip', 'admin', 'vip')")) {
                for (int i = 0; i < deviceCount; i++) {
                    UUID id = new UUID(random.nextLong(), random.nextLong());
                    String name = String.format("ws-%07d", i);
                    long ip = (10L << 24) | (random.nextInt(1 << 24));
                    OsType os = osTypes[random.nextInt(osTypes.length)];
                    Timestamp seen = Timestamp.from(now.minus(Duration.ofMinutes(random.nextInt(60 * 24 * 40))));
                    int roll = random.nextInt(100);
                    int status = roll < 80 ? 0 : roll < 95 ? 1 : 2;
                    int p = 1;
                    device.setString(p++, id.toString());
                    device.setString(p++, groups.get(random.nextInt(groups.size())).toString());
                    device.setString(p++, name);
                    device.setString(p++, name);
                    device.setString(p++, name + ".corp.example");
                    device.setString(p++, name + ".corp.example");
                    device.setString(p++, (ip >> 24) + "." + ((ip >> 16) & 255) + "." + ((ip >> 8) & 255) + "."
                            + (ip & 255));
                    device.setLong(p++, ip);
                    device.setString(p++, os.name());
                    device.setString(p++, os.name().toLowerCase() + " 11");
                    device.setString(p++, os.name() + " 11");
                    device.setTimestamp(p++, seen, utc);
                    device.setTimestamp(p++, seen, utc);
                    device.setLong(p++, seen.getTime());
                    device.setInt(p++, status);
                    device.setTimestamp(p++, Timestamp.from(now), utc);
                    device.setTimestamp(p++, Timestamp.from(now), utc);
                    device.setTimestamp(p, Timestamp.from(now), utc);
                    device.addBatch();
                    if (random.nextInt(100) == 0) {
                        tag.setString(1, id.toString());
                        tag.addBatch();
                    }
                    if (withSoftware.size() < softwareDevices) {
                        withSoftware.add(id);
                    }
                    if ((i + 1) % BATCH == 0 || i == deviceCount - 1) {
                        device.executeBatch();
                        tag.executeBatch();
                        connection.commit();
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("seeded %,d devices in %.1f s (%,.0f rows/s)%n", deviceCount, seconds,
                    deviceCount / seconds);
            start = System.nanoTime();
            long rows = 0;
            try (PreparedStatement software = connection.prepareStatement("INSERT INTO DEVICE_SOFTWARE (DEVICE_ID, "
                    + "NAME_KEY, VENDOR_KEY, NAME, VENDOR, VERSION) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (UUID id : withSoftware) {
                    Set<Integer> products = new HashSet<>();
                    while (products.size() < entries) {
                        products.add(random.nextInt(entries * 10));
                    }
                    for (int product : products) {
                        String vendor = VENDORS[product % VENDORS.length];
                        String name = product % 17 == 0 ? "Firefox " + product : "Product " + product;
                        software.setString(1, id.toString());
                        software.setString(2, name.toLowerCase());
                        software.setString(3, vendor.toLowerCase());
                        software.setString(4, name);
                        software.setString(5, vendor);
                        software.setString(6, "1." + random.nextInt(5));
                        software.addBatch();
                        rows++;
                    }
                    if (rows % (BATCH * 4L) < entries) {
                        software.executeBatch();
                        connection.commit();
                    }
                }
                software.executeBatch();
                connection.commit();
            }
            seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("seeded %,d software entries in %.1f s (%,.0f rows/s)%n", rows, seconds,
                    rows / seconds);
            try (Statement statement = connection.createStatement()) {
                // the registry's counts, as the devices changelog fills them in for software stored before them
                statement.execute("DELETE FROM SOFTWARE_PRODUCT");
                statement.execute("INSERT INTO SOFTWARE_PRODUCT (NAME_KEY, VENDOR_KEY, VERSION, NAME, VENDOR, "
                        + "DEVICE_COUNT) SELECT NAME_KEY, VENDOR_KEY, VERSION, NAME, VENDOR, COUNT(*) FROM "
                        + "DEVICE_SOFTWARE GROUP BY NAME_KEY, VENDOR_KEY, VERSION, NAME, VENDOR");
                for (String table : List.of("DEVICE", "DEVICE_TAG", "DEVICE_SOFTWARE", "SOFTWARE_PRODUCT")) {
                    statement.execute("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', '" + table + "', NULL)");
                }
            }
            connection.commit();
        }
    }

    private static long count(EmbeddedDataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * The groups the devices go to: those named by {@code -Dbench.groups=<id>,<id>,...} (a server's real groups, when
     * seeding a server's database for the console's benchmark), else twenty made-up ones below "Managed devices".
     */
    private static List<UUID> groups() {
        String named = System.getProperty("bench.groups", "").strip();
        if (!named.isEmpty()) {
            return Arrays.stream(named.split(",")).map(String::strip).map(UUID::fromString).toList();
        }
        List<UUID> groups = new ArrayList<>();
        for (int i = 0; i < GROUPS; i++) {
            groups.add(new UUID(0, 1000 + i));
        }
        return groups;
    }

    @SuppressWarnings("deprecation")
    private static void migrate(EmbeddedDataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            database.setDatabaseChangeLogTableName("GSDEVICESLOG");
            database.setDatabaseChangeLogLockTableName("GSDEVICESLOCK");
            Scope.child(Map.of(Scope.Attr.ui.name(), new liquibase.ui.LoggerUIService()),
                    () -> new Liquibase("db/devices.sql",
                            new ClassLoaderResourceAccessor(ManagedDevices.class.getClassLoader()), database)
                            .update(""));
            // Liquibase leaves the connection in manual-commit mode with its last read open
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
    }

    /** The group tree: "Managed devices" with the benchmark's groups directly below it. */
    private static GroupService groups(List<UUID> groups) {
        return (GroupService) Proxy.newProxyInstance(DeviceListBench.class.getClassLoader(),
                new Class<?>[] {GroupService.class}, (proxy, method, args) -> {
                    UUID id = (UUID) args[0];
                    boolean known = groups.contains(id) || AdministrationGroup.MANAGED_DEVICES.equals(id)
                            || AdministrationGroup.UNASSIGNED_DEVICES.equals(id);
                    if (!known) {
                        throw new NotFoundException("Administration group", id);
                    }
                    return switch (method.getName()) {
                        case "get" -> new AdministrationGroup(id, null, "g", Instant.EPOCH, Instant.EPOCH);
                        case "subtree" -> AdministrationGroup.MANAGED_DEVICES.equals(id)
                                ? new HashSet<>(concat(groups, id)) : Set.of(id);
                        default -> throw new UnsupportedOperationException(method.getName());
                    };
                });
    }

    private static List<UUID> concat(List<UUID> groups, UUID id) {
        List<UUID> all = new ArrayList<>(groups);
        all.add(id);
        return all;
    }

    private static GroupDeviceSettingsService settings() {
        return (GroupDeviceSettingsService) Proxy.newProxyInstance(DeviceListBench.class.getClassLoader(),
                new Class<?>[] {GroupDeviceSettingsService.class}, (proxy, method, args) ->
                        new EffectiveDeviceSettings((UUID) args[0], (UUID) args[0], false, List.of(),
                                new InactivityHandling(null, null)));
    }
}
