package org.garrison.events.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.event.Event;
import org.garrison.api.event.EventSeverity;
import org.garrison.api.store.MigratedSchema;
import org.garrison.api.store.SqlTime;
import org.garrison.api.store.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The SQL of the event store (table {@code EVENT_LOG}). Write methods take the connection of a transaction their
 * caller controls, so a caller decides how many rows one transaction covers; read methods run their own.
 */
@Component(service = EventRepository.class)
public class EventRepository {

    /** Ids per IN list when looking for already stored ids: well within every database's parameter limit. */
    private static final int LOOKUP_CHUNK = 500;

    private static final String DUPLICATE_KEY_STATE = "23505";

    private static final String COLUMNS = "ID, OCCURRED_AT, RECEIVED_AT, DEVICE_ID, GROUP_ID, SOURCE, EVENT_TYPE, "
            + "SEVERITY, DESCRIPTION, PAYLOAD";

    private final Transactions transactions;
    private final PayloadCodec payloads = new PayloadCodec();

    /**
     * @param schema present once the events tables exist; only waited for
     */
    @Activate
    public EventRepository(@Reference Transactions transactions,
            @Reference(target = "(garrison.schema=events)") MigratedSchema schema) {
        this.transactions = transactions;
    }

    public Transactions transactions() {
        return transactions;
    }

    /** Which of the given ids are already stored: one query per {@value #LOOKUP_CHUNK} ids, not one per id. */
    public Set<UUID> existingIds(Connection connection, Collection<UUID> ids) throws SQLException {
        Set<UUID> existing = new HashSet<>();
        List<UUID> all = new ArrayList<>(ids);
        for (int start = 0; start < all.size(); start += LOOKUP_CHUNK) {
            List<UUID> chunk = all.subList(start, Math.min(all.size(), start + LOOKUP_CHUNK));
            // Derby's optimizer, without index statistics on a freshly filled table, scans the table for a long
            // IN list instead of probing the primary key; the override (a comment to every other database) makes
            // it probe
            String sql = "SELECT ID FROM EVENT_LOG --DERBY-PROPERTIES constraint=EVENT_LOG_PK\n"
                    + "WHERE ID IN (" + placeholders(chunk.size()) + ")";
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) {
                    statement.setString(i + 1, chunk.get(i).toString());
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        existing.add(UUID.fromString(rows.getString(1)));
                    }
                }
            }
        }
        return existing;
    }

    /**
     * Inserts events as one JDBC batch.
     *
     * @param payloadJson the payload of each event as JSON text ({@code null} for none), same order as events
     */
    public void insert(Connection connection, List<Event> events, List<String> payloadJson) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO EVENT_LOG (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < events.size(); i++) {
                Event event = events.get(i);
                statement.setString(1, event.id().toString());
                SqlTime.set(statement, 2, event.occurredAt());
                SqlTime.set(statement, 3, event.receivedAt());
                setId(statement, 4, event.deviceId());
                setId(statement, 5, event.groupId());
                statement.setString(6, event.source());
                statement.setString(7, event.type());
                statement.setShort(8, severityCode(event.severity()));
                statement.setString(9, event.description());
                // setString also writes NULL: setNull with Types.CLOB would be an OID to PostgreSQL's driver
                statement.setString(10, payloadJson.get(i));
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /**
     * Inserts events as one JDBC batch unless one of their ids is already stored, in which case nothing of the batch
     * remains (the batch runs under a savepoint, so the caller's transaction stays usable on every database).
     *
     * @return whether the events were inserted; {@code false} when the primary key refused a duplicate id
     */
    public boolean insertUnlessDuplicate(Connection connection, List<Event> events, List<String> payloadJson)
            throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            insert(connection, events, payloadJson);
        } catch (SQLException e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
            connection.rollback(savepoint);
            return false;
        }
        connection.releaseSavepoint(savepoint);
        return true;
    }

    /** Whether the exception, or one chained to it, is a unique-key violation. */
    public static boolean isDuplicateKey(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (DUPLICATE_KEY_STATE.equals(next.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    public Optional<Event> find(UUID id) {
        return transactions.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM EVENT_LOG WHERE ID = ?")) {
                statement.setString(1, id.toString());
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(read(rows)) : Optional.empty();
                }
            }
        });
    }

    /**
     * Matching events in listing order (newest first), starting after a position.
     *
     * @param after where the previous page ended, or {@code null} for the newest events
     */
    public List<Event> list(EventCriteria criteria, EventPosition after, int limit) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM EVENT_LOG WHERE 1 = 1");
        where(criteria, sql, parameters);
        if (after != null) {
            // the first condition alone is a range the time index can start from; the second settles equal times
            sql.append(" AND OCCURRED_AT <= ? AND (OCCURRED_AT < ? OR ID < ?)");
            parameters.add(after.occurredAt());
            parameters.add(after.occurredAt());
            parameters.add(after.id().toString());
        }
        sql.append(" ORDER BY OCCURRED_AT DESC, ID DESC FETCH FIRST ").append(limit).append(" ROWS ONLY");
        return transactions.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
                bind(statement, parameters);
                List<Event> events = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        events.add(read(rows));
                    }
                }
                return events;
            }
        });
    }

    /** How many events are stored. */
    public long count() {
        return transactions.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM EVENT_LOG");
                    ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    /**
     * What one {@link #deleteOldest} removed.
     *
     * @param count  how many events
     * @param upTo   the occurrence time of the last event removed, or {@code null} when it removed every candidate
     */
    public record Deletion(int count, Instant upTo) {
    }

    /**
     * Deletes the oldest events, at most {@code max} of them, in one transaction: finds the position of the
     * {@code max}-th oldest event (among those older than {@code before}, when given) and deletes everything up to
     * it, a range at the old end of the time index.
     *
     * <p>Deleted index entries are purged by the database some time after the commit. A retention pass hands the
     * previous deletion's {@link Deletion#upTo()} back as {@code notBefore}, so each step starts its scan after
     * them instead of walking over all the entries the pass has deleted so far.
     *
     * @param before    only events that occurred before this instant, or {@code null} for any
     * @param notBefore only events that occurred at or after this instant, or {@code null} for any
     */
    public Deletion deleteOldest(int max, Instant before, Instant notBefore) {
        List<Instant> bounds = new ArrayList<>();
        StringBuilder range = new StringBuilder(" WHERE 1 = 1");
        if (notBefore != null) {
            range.append(" AND OCCURRED_AT >= ?");
            bounds.add(notBefore);
        }
        if (before != null) {
            range.append(" AND OCCURRED_AT < ?");
            bounds.add(before);
        }
        return transactions.inTransaction(connection -> {
            EventPosition last = null;
            try (PreparedStatement statement = connection.prepareStatement("SELECT OCCURRED_AT, ID FROM EVENT_LOG"
                    + range + " ORDER BY OCCURRED_AT, ID OFFSET ? ROWS FETCH NEXT 1 ROWS ONLY")) {
                int index = bindTimes(statement, bounds);
                statement.setInt(index, max - 1);
                try (ResultSet rows = statement.executeQuery()) {
                    if (rows.next()) {
                        last = new EventPosition(SqlTime.get(rows, "OCCURRED_AT"),
                                UUID.fromString(rows.getString("ID")));
                    }
                }
            }
            if (last == null) {
                // fewer than max candidates: all of them go
                try (PreparedStatement statement = connection.prepareStatement("DELETE FROM EVENT_LOG" + range)) {
                    bindTimes(statement, bounds);
                    return new Deletion(statement.executeUpdate(), null);
                }
            }
            try (PreparedStatement statement = connection.prepareStatement("DELETE FROM EVENT_LOG" + range
                    + " AND OCCURRED_AT <= ? AND (OCCURRED_AT < ? OR ID <= ?)")) {
                int index = bindTimes(statement, bounds);
                SqlTime.set(statement, index++, last.occurredAt());
                SqlTime.set(statement, index++, last.occurredAt());
                statement.setString(index, last.id().toString());
                return new Deletion(statement.executeUpdate(), last.occurredAt());
            }
        });
    }

    private static int bindTimes(PreparedStatement statement, List<Instant> times) throws SQLException {
        int index = 1;
        for (Instant time : times) {
            SqlTime.set(statement, index++, time);
        }
        return index;
    }

    private static void where(EventCriteria criteria, StringBuilder sql, List<Object> parameters) {
        if (criteria.from() != null) {
            sql.append(" AND OCCURRED_AT >= ?");
            parameters.add(criteria.from());
        }
        if (criteria.to() != null) {
            sql.append(" AND OCCURRED_AT < ?");
            parameters.add(criteria.to());
        }
        if (criteria.deviceId() != null) {
            sql.append(" AND DEVICE_ID = ?");
            parameters.add(criteria.deviceId().toString());
        }
        if (criteria.groupIds() != null) {
            if (criteria.groupIds().isEmpty()) {
                sql.append(" AND 1 = 0");
            } else {
                in(sql, "GROUP_ID", criteria.groupIds().stream().map(UUID::toString).toList(), parameters);
            }
        }
        if (!criteria.severities().isEmpty()) {
            in(sql, "SEVERITY", criteria.severities().stream().map(EventRepository::severityCode).toList(),
                    parameters);
        }
        if (!criteria.types().isEmpty()) {
            in(sql, "EVENT_TYPE", List.copyOf(criteria.types()), parameters);
        }
        if (!criteria.sources().isEmpty()) {
            in(sql, "SOURCE", List.copyOf(criteria.sources()), parameters);
        }
        if (criteria.text() != null) {
            String pattern = "%" + likeEscape(criteria.text().toLowerCase(Locale.ROOT)) + "%";
            sql.append(" AND (LOWER(DESCRIPTION) LIKE ? ESCAPE '!' OR LOWER(EVENT_TYPE) LIKE ? ESCAPE '!')");
            parameters.add(pattern);
            parameters.add(pattern);
        }
    }

    private static void in(StringBuilder sql, String column, List<?> values, List<Object> parameters) {
        sql.append(" AND ").append(column).append(" IN (").append(placeholders(values.size())).append(')');
        parameters.addAll(values);
    }

    /** Escapes LIKE's wildcards so the text matches literally ({@code !} is the escape character). */
    static String likeEscape(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            if (value instanceof Instant instant) {
                SqlTime.set(statement, i + 1, instant);
            } else if (value instanceof Short code) {
                statement.setShort(i + 1, code);
            } else {
                statement.setString(i + 1, (String) value);
            }
        }
    }

    private static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    private Event read(ResultSet rows) throws SQLException {
        return new Event(UUID.fromString(rows.getString("ID")), SqlTime.get(rows, "OCCURRED_AT"),
                SqlTime.get(rows, "RECEIVED_AT"), id(rows.getString("DEVICE_ID")), id(rows.getString("GROUP_ID")),
                rows.getString("SOURCE"), rows.getString("EVENT_TYPE"), severity(rows.getShort("SEVERITY")),
                rows.getString("DESCRIPTION"), payloads.read(rows.getString("PAYLOAD")));
    }

    private static void setId(PreparedStatement statement, int index, UUID id) throws SQLException {
        if (id == null) {
            statement.setNull(index, Types.CHAR);
        } else {
            statement.setString(index, id.toString());
        }
    }

    private static UUID id(String value) {
        return value == null ? null : UUID.fromString(value);
    }

    /** Stored codes, fixed forever: 1 is the most severe. */
    static short severityCode(EventSeverity severity) {
        return switch (severity) {
            case CRITICAL -> 1;
            case FUNCTIONAL_FAILURE -> 2;
            case WARNING -> 3;
            case INFO -> 4;
        };
    }

    static EventSeverity severity(short code) {
        return switch (code) {
            case 1 -> EventSeverity.CRITICAL;
            case 2 -> EventSeverity.FUNCTIONAL_FAILURE;
            case 3 -> EventSeverity.WARNING;
            case 4 -> EventSeverity.INFO;
            default -> throw new IllegalStateException("unknown stored severity " + code);
        };
    }
}
