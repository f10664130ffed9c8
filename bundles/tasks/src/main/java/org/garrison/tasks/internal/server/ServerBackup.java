package org.garrison.tasks.internal.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.garrison.api.plugin.TaskTypeDefinition;
import org.garrison.api.store.DatabaseKind;
import org.garrison.api.store.Transactions;
import org.garrison.api.task.ServerTaskContext;
import org.garrison.api.task.ServerTaskRunner;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's own task type {@code server/backup}: a consistent copy of the server's data while it keeps running.
 * On Derby, the database's online backup; on PostgreSQL the database is the admin's to back up with {@code pg_dump}
 * and only the server's files are copied. Either way the copy includes the data keys and their password and the
 * HTTPS keystore with the configuration that holds its password: without them the backup could not be read, and
 * with them whoever holds the backup can read everything, so backups are readable by the server's OS user only.
 * The newest {@code keep} backups are kept.
 */
@Component(service = ServerTaskRunner.class, configurationPid = BackupConfig.PID)
@Designate(ocd = BackupConfig.class)
public class ServerBackup implements ServerTaskRunner {

    /** The type's name within {@value TaskTypeDefinition#SERVER}. */
    public static final String TYPE = "backup";

    /** How many backups are kept when the task does not say. */
    static final int DEFAULT_KEEP = 7;

    /** The files of the server's {@code etc/} folder that a backup holds besides every configuration file. */
    static final List<String> KEY_FILES = List.of("garrison-data-keys.p12", "garrison-data-keys.password",
            "garrison-https.p12");

    static final TaskTypeDefinition DEFINITION = new TaskTypeDefinition(TaskTypeDefinition.SERVER, TYPE,
            "Back up the server's data",
            "Copies the database (Derby; on PostgreSQL use pg_dump), the data keys, the HTTPS keystore and the "
                    + "configuration into a new folder under the backup folder (data/backups by default), and "
                    + "removes the oldest backups beyond the number to keep. The backup holds the keys that decrypt "
                    + "the data: keep it as safe as the server.",
            "{\"type\":\"object\",\"properties\":{\"keep\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":100,"
                    + "\"default\":" + DEFAULT_KEEP + ",\"title\":\"Backups to keep\",\"description\":\"The oldest "
                    + "backups beyond this number are removed\"}},\"additionalProperties\":false}",
            false);

    private static final Logger LOG = LoggerFactory.getLogger(ServerBackup.class);
    private static final String PREFIX = "backup-";
    private static final Pattern NAME = Pattern.compile(PREFIX + "\\d{8}-\\d{6}(-\\d+)?");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final Transactions transactions;
    private final Path etc;
    private final Path defaultFolder;
    private final Clock clock;
    private final ServerDataRepository repository = new ServerDataRepository();
    private volatile Path folder;

    @Activate
    public ServerBackup(@Reference Transactions transactions, BundleContext context, BackupConfig config) {
        this(transactions, Path.of(property(context, "karaf.etc")), Path.of(property(context, "karaf.data"),
                "backups"), config, Clock.systemUTC());
    }

    ServerBackup(Transactions transactions, Path etc, Path defaultFolder, BackupConfig config, Clock clock) {
        this.transactions = transactions;
        this.etc = etc;
        this.defaultFolder = defaultFolder;
        this.clock = clock;
        modified(config);
    }

    @Modified
    void modified(BackupConfig config) {
        folder = config.folder() == null || config.folder().isBlank() ? defaultFolder : Path.of(config.folder());
    }

    @Override
    public TaskTypeDefinition type() {
        return DEFINITION;
    }

    @Override
    public Map<String, Object> run(ServerTaskContext context) throws Exception {
        int keep = context.parameters().get("keep") instanceof Number number ? number.intValue() : DEFAULT_KEEP;
        Path backups = ServerFiles.privateFolder(folder);
        Path target = ServerFiles.privateFolder(newFolder(backups));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("folder", target.toString());
        DatabaseKind kind = transactions.inTransaction(repository::kind);
        result.put("database", kind.wireName());
        if (kind == DatabaseKind.DERBY) {
            Path database = ServerFiles.privateFolder(target.resolve("database"));
            transactions.runInTransaction(connection -> repository.backupDerby(connection, database.toString()));
            result.put("databaseCopied", true);
        } else {
            result.put("databaseCopied", false);
            result.put("note", "The database runs on PostgreSQL: it is not in this backup. Back it up with pg_dump "
                    + "(see the admin guide); only the data keys, the HTTPS keystore and the configuration were "
                    + "copied.");
        }
        if (context.cancelled()) {
            throw new InterruptedException("cancelled");
        }
        result.put("files", copyServerFiles(target.resolve("etc")));
        Files.writeString(target.resolve("BACKUP.txt"), readme(kind), StandardCharsets.UTF_8);
        ServerFiles.restrict(target);
        result.put("bytes", ServerFiles.size(target));
        result.put("removed", prune(backups, keep, target));
        LOG.info("Backed up the server's data into {}", target);
        return result;
    }

    private Path newFolder(Path backups) {
        String stamp = PREFIX + STAMP.format(clock.instant());
        Path candidate = backups.resolve(stamp);
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = backups.resolve(stamp + "-" + n);
        }
        return candidate;
    }

    /** The keys, the keystore and every configuration file: what the database cannot be used without. */
    private List<String> copyServerFiles(Path into) throws IOException {
        ServerFiles.privateFolder(into);
        List<String> copied = new ArrayList<>();
        for (String name : KEY_FILES) {
            Path file = etc.resolve(name);
            if (Files.isRegularFile(file)) {
                ServerFiles.copyPrivately(file, into);
                copied.add("etc/" + name);
            }
        }
        try (DirectoryStream<Path> configs = Files.newDirectoryStream(etc, "*.cfg")) {
            List<Path> sorted = new ArrayList<>();
            configs.forEach(sorted::add);
            sorted.sort(Comparator.naturalOrder());
            for (Path file : sorted) {
                ServerFiles.copyPrivately(file, into);
                copied.add("etc/" + file.getFileName());
            }
        }
        return copied;
    }

    /** Removes the oldest backups beyond {@code keep}; only folders this task made, never the new one. */
    private List<String> prune(Path backups, int keep, Path made) throws IOException {
        List<Path> all = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(backups)) {
            for (Path child : children) {
                if (Files.isDirectory(child) && NAME.matcher(child.getFileName().toString()).matches()) {
                    all.add(child);
                }
            }
        }
        all.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
        List<String> removed = new ArrayList<>();
        for (Path old : all.subList(Math.min(keep, all.size()), all.size())) {
            if (!old.equals(made)) {
                ServerFiles.deleteTree(old);
                removed.add(old.getFileName().toString());
            }
        }
        return removed;
    }

    private static String readme(DatabaseKind kind) {
        String database = kind == DatabaseKind.DERBY
                ? "database/  Derby's online backup of the database. To restore, stop the server and start it once "
                        + "with\n           url=jdbc:derby:${karaf.data}/garrison-db;restoreFrom=<this folder>"
                        + "/database/garrison-db\n           in etc/org.ops4j.datasource-garrison.cfg, then set the "
                        + "url back.\n"
                : "The database runs on PostgreSQL and is not in this backup: back it up with pg_dump.\n";
        return "Garrison backup\n\n" + database
                + "etc/       the data keys (garrison-data-keys.p12 and its password), the HTTPS keystore and the "
                + "configuration.\n           Put them back into the server's etc/ folder with the database.\n\n"
                + "This backup holds the keys that decrypt the server's data: keep it as safe as the server.\n";
    }

    private static String property(BundleContext context, String name) {
        String value = context.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("The framework property " + name + " is not set");
        }
        return value;
    }
}
