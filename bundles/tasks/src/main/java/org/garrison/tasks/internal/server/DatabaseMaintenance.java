package org.garrison.tasks.internal.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.garrison.api.plugin.TaskTypeDefinition;
import org.garrison.api.store.DatabaseKind;
import org.garrison.api.store.Transactions;
import org.garrison.api.task.ServerTaskContext;
import org.garrison.api.task.ServerTaskRunner;
import org.garrison.tasks.internal.server.ServerDataRepository.TableSpace;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's own task type {@code server/database-maintenance}. On Derby it refreshes the optimiser's statistics of
 * every table (so queries keep their good plans as tables grow) and, if asked, compresses the tables with much unused
 * space (giving it back after large deletions, e.g. event retention); compressing locks a table while it is rebuilt,
 * so it is off by default and runs table by table, each in its own transaction. On PostgreSQL it runs ANALYZE;
 * PostgreSQL gives space back on its own (autovacuum).
 */
@Component(service = ServerTaskRunner.class)
public class DatabaseMaintenance implements ServerTaskRunner {

    /** The type's name within {@value TaskTypeDefinition#SERVER}. */
    public static final String TYPE = "database-maintenance";

    /** Unused space below which a table is not worth rebuilding. */
    static final long COMPRESS_THRESHOLD_BYTES = 1024L * 1024;

    static final TaskTypeDefinition DEFINITION = new TaskTypeDefinition(TaskTypeDefinition.SERVER, TYPE,
            "Database maintenance",
            "Refreshes the database's statistics of every table; on Derby it can also compress the tables that hold "
                    + "more than 1 MiB of unused space (each table is locked while it is rebuilt). On PostgreSQL it "
                    + "runs ANALYZE.",
            "{\"type\":\"object\",\"properties\":{\"compress\":{\"type\":\"boolean\",\"default\":false,"
                    + "\"title\":\"Compress tables (Derby)\",\"description\":\"Rebuild tables with much unused "
                    + "space; each is locked while it is rebuilt\"}},\"additionalProperties\":false}",
            false);

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseMaintenance.class);

    private final Transactions transactions;
    private final ServerDataRepository repository = new ServerDataRepository();

    @Activate
    public DatabaseMaintenance(@Reference Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public TaskTypeDefinition type() {
        return DEFINITION;
    }

    @Override
    public Map<String, Object> run(ServerTaskContext context) throws Exception {
        boolean compress = Boolean.TRUE.equals(context.parameters().get("compress"));
        Map<String, Object> result = new LinkedHashMap<>();
        DatabaseKind kind = transactions.inTransaction(repository::kind);
        result.put("database", kind.wireName());
        if (kind == DatabaseKind.POSTGRESQL) {
            transactions.runInTransaction(repository::analyzePostgresql);
            result.put("analyzed", true);
            result.put("note", "PostgreSQL gives unused space back on its own (autovacuum); ANALYZE refreshed the "
                    + "planner's statistics of every table.");
            return result;
        }
        List<Map<String, Object>> tables = new ArrayList<>();
        long reclaimed = 0;
        for (String table : transactions.inTransaction(repository::tables)) {
            if (context.cancelled()) {
                throw new InterruptedException("cancelled");
            }
            Map<String, Object> done = new LinkedHashMap<>();
            done.put("table", table);
            transactions.runInTransaction(connection -> repository.updateStatisticsDerby(connection, table));
            done.put("statisticsUpdated", true);
            TableSpace before = transactions.inTransaction(connection -> repository.derbySpace(connection, table));
            done.put("bytes", before.allocatedBytes());
            if (compress && before.freeBytes() >= COMPRESS_THRESHOLD_BYTES) {
                transactions.runInTransaction(connection -> repository.compressDerby(connection, table));
                TableSpace after = transactions.inTransaction(connection -> repository.derbySpace(connection, table));
                done.put("compressed", true);
                done.put("bytesAfter", after.allocatedBytes());
                reclaimed += Math.max(0, before.allocatedBytes() - after.allocatedBytes());
            }
            tables.add(done);
        }
        result.put("tables", tables);
        result.put("bytesReclaimed", reclaimed);
        LOG.info("Database maintenance: statistics of {} tables refreshed, {} bytes reclaimed", tables.size(),
                reclaimed);
        return result;
    }
}
