package org.garrison.audit.internal;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;

import org.garrison.api.Cursor;
import org.garrison.api.Ids;
import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.audit.AuditEntry;
import org.garrison.api.audit.AuditLog;
import org.garrison.api.audit.AuditQuery;
import org.garrison.api.store.MigratedSchema;
import org.garrison.api.store.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log: entries are recorded through an {@link AuditLogWriter}, so the audited call never waits for the
 * database; listings and exports read the table newest first.
 *
 * <p>A listing first waits briefly for the writer to store what was recorded before it, so a caller who has just
 * made a change finds it in the log.
 */
@Component(service = AuditLog.class)
public class AuditLogService implements AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLogService.class);
    /** Entries waiting for the writer; beyond this, entries are dropped (and counted in a warning). */
    static final int QUEUE_CAPACITY = 10_000;
    /** The most entries the writer inserts per transaction. */
    static final int BATCH_SIZE = 500;
    /** Entries read per transaction by an export, so no transaction stays open while a slow client downloads. */
    static final int EXPORT_CHUNK = 1000;
    /** How long a listing waits for entries recorded before it to be stored. */
    private static final Duration READ_YOUR_WRITES = Duration.ofSeconds(2);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

    private final Transactions transactions;
    private final AuditLogRepository repository = new AuditLogRepository();
    private final AuditLogWriter writer;

    @Activate
    public AuditLogService(@Reference Transactions transactions,
            @Reference(target = "(garrison.schema=audit)") MigratedSchema schema) {
        this(transactions, QUEUE_CAPACITY, LOG::warn);
        writer.start();
    }

    /** A log whose writer is not started yet: tests start it with {@link #start()} when they want. */
    AuditLogService(Transactions transactions, int queueCapacity, Consumer<String> warnings) {
        this.transactions = transactions;
        this.writer = new AuditLogWriter(transactions, repository, queueCapacity, BATCH_SIZE, warnings);
    }

    void start() {
        writer.start();
    }

    @Deactivate
    void deactivate() {
        writer.close(SHUTDOWN_WAIT);
    }

    @Override
    public void record(AuditEntry entry) {
        try {
            // PostgreSQL keeps microseconds: an instant read back must equal the one a cursor holds
            writer.offer(new AuditEntry(Ids.newId(), entry.at().truncatedTo(ChronoUnit.MICROS), entry.actor(),
                    entry.action(), entry.objectType(), entry.objectId(), entry.remoteAddress(), entry.status(),
                    entry.outcome()));
        } catch (RuntimeException e) {
            LOG.warn("Could not record an audit-log entry", e);
        }
    }

    @Override
    public Page<AuditEntry> query(AuditQuery query, PageRequest page) {
        Keyset.TimeAndId after = page.cursor() == null ? null : Keyset.TimeAndId.of(page.cursor());
        writer.awaitWritten(READ_YOUR_WRITES);
        List<AuditEntry> rows = transactions.inTransaction(
                connection -> repository.newestFirst(connection, query, after, page.limit() + 1));
        if (rows.size() <= page.limit()) {
            return new Page<>(rows, null, null);
        }
        List<AuditEntry> items = rows.subList(0, page.limit());
        AuditEntry last = items.get(items.size() - 1);
        return new Page<>(items, Cursor.after(last.at().toString(), last.id().toString()).encode(), null);
    }

    @Override
    public long export(AuditQuery query, Consumer<AuditEntry> consumer) {
        writer.awaitWritten(READ_YOUR_WRITES);
        Keyset.TimeAndId after = null;
        long count = 0;
        while (true) {
            Keyset.TimeAndId from = after;
            List<AuditEntry> chunk = transactions.inTransaction(
                    connection -> repository.newestFirst(connection, query, from, EXPORT_CHUNK));
            chunk.forEach(consumer);
            count += chunk.size();
            if (chunk.size() < EXPORT_CHUNK) {
                return count;
            }
            AuditEntry last = chunk.get(chunk.size() - 1);
            after = new Keyset.TimeAndId(last.at(), last.id().toString());
        }
    }

    /** Waits until what was recorded so far is stored, at most {@code timeout}; for tests. */
    boolean awaitWritten(Duration timeout) {
        return writer.awaitWritten(timeout);
    }
}
