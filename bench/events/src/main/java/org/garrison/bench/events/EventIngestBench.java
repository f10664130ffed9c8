package org.garrison.bench.events;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.garrison.api.device.DeviceService;
import org.garrison.api.event.Event;
import org.garrison.api.event.EventSeverity;
import org.garrison.api.event.NewEvent;
import org.garrison.events.internal.EventLogService;
import org.garrison.events.internal.EventRepository;
import org.garrison.events.internal.EventRetention;
import org.garrison.events.internal.EventsConfig;
import org.garrison.events.internal.PayloadCodec;
import org.garrison.store.internal.TransactionsService;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Measures, against one file Derby database, the raw JDBC batch insert rate into the events table and the rate of
 * the same events going through the event store's repository and service, and times a retention pass over a large
 * table while ingest goes on. All figures come from the same run, so only their ratios matter.
 */
public final class EventIngestBench {

    private static final int CHUNK = 1000;
    private static final int CALL = 10_000;
    private static final int DEVICES = 5_000;
    private static final int GROUPS = 50;
    private static final String INSERT = "INSERT INTO EVENT_LOG (ID, OCCURRED_AT, RECEIVED_AT, DEVICE_ID, GROUP_ID,"
            + " SOURCE, EVENT_TYPE, SEVERITY, DESCRIPTION, PAYLOAD) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String[] TYPES = {"device-status-changed", "scan-finished", "threat-found",
        "update-failed"};
    private static final EventSeverity[] SEVERITIES = EventSeverity.values();

    private final EmbeddedDataSource dataSource = new EmbeddedDataSource();
    private final List<UUID> devices = new ArrayList<>();
    private final Map<UUID, UUID> groupOfDevice = new HashMap<>();
    private final EventRepository repository;
    private final EventLogService service;
    private final PayloadCodec codec = new PayloadCodec();

    private EventIngestBench(Path folder) {
        dataSource.setDatabaseName(folder.resolve("db").toString());
        dataSource.setCreateDatabase("create");
        List<UUID> groups = Stream.generate(UUID::randomUUID).limit(GROUPS).toList();
        for (int i = 0; i < DEVICES; i++) {
            UUID device = UUID.randomUUID();
            devices.add(device);
            groupOfDevice.put(device, groups.get(i % GROUPS));
        }
        repository = new EventRepository(new TransactionsService(dataSource), null);
        service = new EventLogService(repository);
        service.setDeviceService(deviceService());
    }

    public static void main(String[] args) throws Exception {
        int events = Integer.getInteger("bench.events", 200_000);
        int retained = Integer.getInteger("bench.retention", 5_000_000);
        Path folder = Path.of(System.getProperty("bench.dir", "target/bench-db"));
        System.setProperty("derby.stream.error.file", folder.resolve("derby.log").toString());
        deleteRecursively(folder);
        Files.createDirectories(folder);
        EventIngestBench bench = new EventIngestBench(folder);
        bench.migrate();
        bench.run(events, retained);
    }

    private void run(int events, int retained) throws Exception {
        print("warming up (JIT, Derby page cache) with %,d events per path", 20_000);
        raw(20_000, Instant.now(), Duration.ofMinutes(1));
        truncate();
        throughService(20_000, true);
        truncate();

        // two interleaved rounds, so that a disturbance of the machine (checkpoints, other processes) does not
        // fall on one path only
        double[] raw = new double[2];
        double[] repo = new double[2];
        double[] svc = new double[2];
        double[] svcNoIds = new double[2];
        for (int round = 0; round < 2; round++) {
            raw[round] = raw(events, Instant.now(), Duration.ofMinutes(1));
            truncate();
            repo[round] = throughRepository(events);
            truncate();
            svc[round] = throughService(events, true);
            truncate();
            svcNoIds[round] = throughService(events, false);
            truncate();
        }
        double baseline = mean(raw);
        print("");
        print("ingest of %,d events, chunks of %,d per transaction, file Derby, mean of 2 interleaved rounds:",
                events, CHUNK);
        print("  raw JDBC batch insert   %,10.0f events/s  (rounds: %,.0f and %,.0f)", baseline, raw[0], raw[1]);
        print("  EventRepository.insert  %,10.0f events/s  = %5.1f %% of raw  (rounds: %,.0f and %,.0f)",
                mean(repo), 100 * mean(repo) / baseline, repo[0], repo[1]);
        print("  EventService.ingest     %,10.0f events/s  = %5.1f %% of raw  (rounds: %,.0f and %,.0f) calls of %,d"
                + " with producer ids: validation, JSON, group lookup, duplicate check", mean(svc),
                100 * mean(svc) / baseline, svc[0], svc[1], CALL);
        print("  EventService.ingest     %,10.0f events/s  = %5.1f %% of raw  (rounds: %,.0f and %,.0f) the same"
                + " without producer ids (no duplicate check)", mean(svcNoIds), 100 * mean(svcNoIds) / baseline,
                svcNoIds[0], svcNoIds[1]);

        if (retained > 0) {
            retention(retained);
        }
    }

    /** Raw JDBC: prepared once, pre-serialised payloads, batch plus commit every chunk. Returns events/s. */
    private double raw(int count, Instant newest, Duration span) throws SQLException {
        Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        long spanMillis = span.toMillis();
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
                Timestamp received = Timestamp.from(Instant.now());
                for (int i = 0; i < count; i++) {
                    UUID device = devices.get(i % DEVICES);
                    statement.setString(1, UUID.randomUUID().toString());
                    statement.setTimestamp(2, Timestamp.from(newest.minusMillis(
                            (long) ((double) i / count * spanMillis))), utc);
                    statement.setTimestamp(3, received, utc);
                    statement.setString(4, device.toString());
                    statement.setString(5, groupOfDevice.get(device).toString());
                    statement.setString(6, "core");
                    statement.setString(7, TYPES[i % TYPES.length]);
                    statement.setShort(8, (short) (i % 4 + 1));
                    statement.setString(9, "Event " + i + " on device " + (i % DEVICES));
                    statement.setString(10, "{\"n\":" + i + ",\"detail\":\"component " + (i % 17) + " reported\"}");
                    statement.addBatch();
                    if ((i + 1) % CHUNK == 0 || i == count - 1) {
                        statement.executeBatch();
                        connection.commit();
                    }
                    if ((i + 1) % 500_000 == 0) {
                        print("    %,d rows, %,.0f events/s so far", i + 1, rate(i + 1, started));
                    }
                }
            }
        }
        return rate(count, started);
    }

    /** The repository's batch insert with the service's transactions, events already built. */
    private double throughRepository(int count) {
        Instant now = Instant.now();
        List<Event> chunk = new ArrayList<>(CHUNK);
        List<String> json = new ArrayList<>(CHUNK);
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            UUID device = devices.get(i % DEVICES);
            Map<String, Object> payload = payload(i);
            chunk.add(new Event(UUID.randomUUID(), now.minusMillis(i), now, device, groupOfDevice.get(device),
                    "core", TYPES[i % TYPES.length], SEVERITIES[i % 4], "Event " + i + " on device " + (i % DEVICES),
                    payload));
            json.add(codec.write(payload));
            if (chunk.size() == CHUNK || i == count - 1) {
                repository.transactions().runInTransaction(connection -> repository.insert(connection, chunk, json));
                chunk.clear();
                json.clear();
            }
        }
        return rate(count, started);
    }

    /** The whole service path: calls of {@value #CALL} events as an integration or the gateway would submit. */
    private double throughService(int count, boolean producerIds) {
        Instant now = Instant.now();
        long started = System.nanoTime();
        for (int start = 0; start < count; start += CALL) {
            service.ingest(newEvents(start, Math.min(CALL, count - start), now, producerIds));
        }
        return rate(count, started);
    }

    private List<NewEvent> newEvents(int start, int count, Instant now, boolean producerIds) {
        List<NewEvent> call = new ArrayList<>(count);
        for (int i = start; i < start + count; i++) {
            call.add(new NewEvent(producerIds ? UUID.randomUUID() : null, now.minusMillis(i), devices.get(i % DEVICES), null, "core",
                    TYPES[i % TYPES.length], SEVERITIES[i % 4], "Event " + i + " on device " + (i % DEVICES),
                    payload(i)));
        }
        return call;
    }

    private static Map<String, Object> payload(int i) {
        return Map.of("n", i, "detail", "component " + (i % 17) + " reported");
    }

    /**
     * Loads the table with events spread over 60 days, then runs one retention pass with the default limits
     * (400,000 events, 30 days) while another thread keeps ingesting, and reports how long ingest calls waited.
     */
    private void retention(int retained) throws Exception {
        print("");
        print("loading %,d events spread over 60 days (raw JDBC) ...", retained);
        double loadRate = raw(retained, Instant.now(), Duration.ofDays(60));
        print("  loaded at %,.0f events/s; table holds %,d", loadRate, repository.count());

        EventRetention retention = new EventRetention(repository, defaults(), Clock.systemUTC());
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong calls = new AtomicLong();
        List<Long> latencies = new ArrayList<>();
        Thread ingest = new Thread(() -> {
            int n = 0;
            while (running.get()) {
                long started = System.nanoTime();
                service.ingest(newEvents(n, CHUNK, Instant.now(), true));
                synchronized (latencies) {
                    latencies.add((System.nanoTime() - started) / 1_000_000);
                }
                calls.incrementAndGet();
                n += CHUNK;
            }
        }, "bench-ingest");
        long started = System.nanoTime();
        ingest.start();
        EventRetention.Removal removal = retention.enforce(400_000, Instant.now().minus(Duration.ofDays(30)), 4000);
        long millis = (System.nanoTime() - started) / 1_000_000;
        running.set(false);
        ingest.join();
        List<Long> sorted;
        synchronized (latencies) {
            sorted = latencies.stream().sorted(Comparator.naturalOrder()).toList();
        }
        print("retention pass over %,d events (limits 400,000 events / 30 days, 4,000 per transaction):", retained);
        print("  removed %,d (%,d beyond the count, %,d too old) in %,d transactions, %,.1f s = %,.0f events/s",
                removal.total(), removal.beyondCount(), removal.tooOld(), removal.transactions(), millis / 1000.0,
                removal.total() * 1000.0 / Math.max(1, millis));
        print("  longest retention transaction %,d ms", removal.longestMillis());
        if (!sorted.isEmpty()) {
            print("  concurrent ingest: %,d calls of %,d events; call latency median %,d ms, p99 %,d ms, max %,d ms",
                    calls.get(), CHUNK, sorted.get(sorted.size() / 2), sorted.get((int) (sorted.size() * 0.99)),
                    sorted.get(sorted.size() - 1));
        }
        print("  table now holds %,d", repository.count());
    }

    @SuppressWarnings("deprecation")
    private void migrate() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            database.setDatabaseChangeLogTableName("GSEVENTSLOG");
            database.setDatabaseChangeLogLockTableName("GSEVENTSLOCK");
            Liquibase liquibase = new Liquibase("db/events.sql",
                    new ClassLoaderResourceAccessor(EventRepository.class.getClassLoader()), database);
            Scope.child(Map.of(Scope.Attr.ui.name(), new LoggerUIService()),
                    () -> liquibase.update(new Contexts(), new LabelExpression()));
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
    }

    private void truncate() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE TABLE EVENT_LOG");
        }
    }

    private DeviceService deviceService() {
        return (DeviceService) Proxy.newProxyInstance(DeviceService.class.getClassLoader(),
                new Class<?>[] {DeviceService.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("groupsOf")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    Map<UUID, UUID> groups = new HashMap<>();
                    for (Object id : (Set<?>) args[0]) {
                        UUID group = groupOfDevice.get(id);
                        if (group != null) {
                            groups.put((UUID) id, group);
                        }
                    }
                    return groups;
                });
    }

    private static EventsConfig defaults() {
        return new EventsConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return EventsConfig.class;
            }

            @Override
            public long maxEvents() {
                return 400_000;
            }

            @Override
            public int maxAgeDays() {
                return 30;
            }

            @Override
            public int retentionIntervalSeconds() {
                return 600;
            }

            @Override
            public int retentionBatchSize() {
                return 4000;
            }
        };
    }

    private static double mean(double[] values) {
        return (values[0] + values[1]) / 2;
    }

    private static double rate(int count, long startedNanos) {
        return count / ((System.nanoTime() - startedNanos) / 1e9);
    }

    private static void print(String format, Object... args) {
        System.out.println(String.format(format, args));
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
