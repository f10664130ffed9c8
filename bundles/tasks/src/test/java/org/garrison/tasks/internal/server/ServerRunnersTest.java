package org.garrison.tasks.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.garrison.api.store.Transactions;
import org.garrison.api.task.ServerTaskContext;
import org.garrison.store.internal.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerRunnersTest {

    @TempDir
    Path home;

    private TestDatabase database;
    private Path etc;

    @BeforeEach
    void setUp() throws Exception {
        database = TestDatabase.withSchema("tasks", "db/tasks.sql", ServerRunnersTest.class.getClassLoader());
        etc = Files.createDirectories(home.resolve("etc"));
        Files.writeString(etc.resolve("garrison-data-keys.p12"), "keys");
        Files.writeString(etc.resolve("garrison-data-keys.password"), "secret");
        Files.writeString(etc.resolve("garrison-https.p12"), "tls");
        Files.writeString(etc.resolve("org.ops4j.pax.web.cfg"), "org.ops4j.pax.web.ssl.keystore.password = x\n");
        Files.writeString(etc.resolve("org.garrison.tasks.cfg"), "batchSize = 100\n");
        Files.writeString(etc.resolve("unrelated.txt"), "not copied");
    }

    @Test
    void aBackupHoldsTheDatabaseTheKeysAndTheConfigurationForTheServersUserOnly() throws Exception {
        Transactions transactions = database.transactions();
        boolean derby = transactions.inTransaction(c -> c.getMetaData().getDatabaseProductName()).contains("Derby");
        ServerBackup backup = new ServerBackup(transactions, etc, home.resolve("data/backups"), config(""),
                Clock.fixed(Instant.parse("2026-06-01T02:00:00Z"), ZoneOffset.UTC));
        Map<String, Object> result = backup.run(context(Map.of("keep", 3)));

        Path folder = Path.of((String) result.get("folder"));
        assertEquals(home.resolve("data/backups/backup-20260601-020000"), folder);
        assertEquals(List.of("etc/garrison-data-keys.p12", "etc/garrison-data-keys.password", "etc/garrison-https.p12",
                "etc/org.garrison.tasks.cfg", "etc/org.ops4j.pax.web.cfg"), result.get("files"));
        assertEquals("secret", Files.readString(folder.resolve("etc/garrison-data-keys.password")));
        assertFalse(Files.exists(folder.resolve("etc/unrelated.txt")));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                folder.resolve("etc/garrison-data-keys.p12"))));
        assertTrue(Files.readString(folder.resolve("BACKUP.txt")).contains("keep it as safe as the server"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                folder.resolve("BACKUP.txt"))));
        assertEquals(derby, result.get("databaseCopied"));
        if (derby) {
            try (var files = Files.list(folder.resolve("database"))) {
                Path copy = files.findFirst().orElseThrow();
                assertTrue(Files.exists(copy.resolve("service.properties")), "Derby's backup is complete: " + copy);
            }
        } else {
            assertTrue(((String) result.get("note")).contains("pg_dump"));
        }
    }

    @Test
    void onlyTheNewestBackupsAreKept() throws Exception {
        Path backups = home.resolve("data/backups");
        Files.createDirectories(backups.resolve("keep-me"));
        MovingClock clock = new MovingClock(Instant.parse("2026-06-01T02:00:00Z"));
        ServerBackup backup = new ServerBackup(database.transactions(), etc, backups, config(""), clock);
        for (int i = 0; i < 4; i++) {
            backup.run(context(Map.of("keep", 2)));
            clock.now = clock.now.plus(Duration.ofDays(1));
        }
        try (var children = Files.list(backups)) {
            assertEquals(List.of("backup-20260603-020000", "backup-20260604-020000", "keep-me"),
                    children.map(p -> p.getFileName().toString()).sorted().toList(),
                    "folders the task did not make are left alone");
        }
    }

    @Test
    void theBackupFolderCanBeChosen() throws Exception {
        Path elsewhere = home.resolve("elsewhere");
        ServerBackup backup = new ServerBackup(database.transactions(), etc, home.resolve("data/backups"),
                config(elsewhere.toString()), Clock.systemUTC());
        Map<String, Object> result = backup.run(context(Map.of()));
        assertTrue(((String) result.get("folder")).startsWith(elsewhere.toString()));
    }

    @Test
    void maintenanceRefreshesTheStatisticsOfEveryTable() throws Exception {
        DatabaseMaintenance maintenance = new DatabaseMaintenance(database.transactions());
        Map<String, Object> result = maintenance.run(context(Map.of("compress", true)));
        if ("postgresql".equals(result.get("database"))) {
            assertEquals(true, result.get("analyzed"));
            return;
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> tables = (List<Map<String, Object>>) result.get("tables");
        List<Object> names = tables.stream().map(table -> table.get("table")).toList();
        assertTrue(names.containsAll(List.of("TASKS_TASK", "TASKS_RUN", "TASKS_TARGET")), names::toString);
        assertTrue(tables.stream().allMatch(table -> Boolean.TRUE.equals(table.get("statisticsUpdated"))));
    }

    private static ServerTaskContext context(Map<String, Object> parameters) {
        return new ServerTaskContext() {
            @Override
            public UUID taskId() {
                return UUID.randomUUID();
            }

            @Override
            public UUID runId() {
                return UUID.randomUUID();
            }

            @Override
            public Map<String, Object> parameters() {
                return parameters;
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };
    }

    private static BackupConfig config(String folder) {
        return new BackupConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return BackupConfig.class;
            }

            @Override
            public String folder() {
                return folder;
            }
        };
    }

    private static final class MovingClock extends Clock {

        volatile Instant now;

        MovingClock(Instant start) {
            now = start;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
