package org.garrison.tasks.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.garrison.api.store.SqlTime;
import org.garrison.api.task.Task;
import org.garrison.api.task.TaskQuery;
import org.garrison.api.task.TaskScope;

/**
 * The SQL of {@code TASKS_TASK} and {@code TASKS_TASK_DEVICE}. Every method works in its caller's transaction.
 */
public final class TaskRepository {

    /** Ids per IN list: well within every database's parameter limit. */
    static final int CHUNK = 500;

    private static final String COLUMNS = "ID, NAME, NAME_KEY, APPLICATION, TYPE, PARAMETERS, SCOPE_KIND, GROUP_ID, "
            + "SCOPE_GROUP_ID, SCHEDULE, ENABLED, REVISION, CREATED_AT, CREATED_BY_KIND, CREATED_BY_ID, "
            + "CREATED_BY_NAME, UPDATED_AT, UPDATED_BY_KIND, UPDATED_BY_ID, UPDATED_BY_NAME, NEXT_FIRE_AT, "
            + "NEXT_RUN_AT, LAST_RUN_ID, SERVER_RUN_ID";

    private static final String GROUP = "GROUP";
    private static final String DEVICES = "DEVICES";
    private static final String SERVER = "SERVER";

    private final TaskJson json;

    public TaskRepository(TaskJson json) {
        this.json = json;
    }

    public void insert(Connection connection, StoredTask stored) throws SQLException {
        Task task = stored.task();
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO TASKS_TASK (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            statement.setString(1, task.id().toString());
            statement.setString(2, task.name());
            statement.setString(3, nameKey(task.name()));
            statement.setString(4, task.application());
            statement.setString(5, task.type());
            statement.setString(6, json.write(task.parameters()));
            statement.setString(7, scopeKind(task.scope()));
            statement.setString(8, task.scope() == null || task.scope().groupId() == null ? null
                    : task.scope().groupId().toString());
            statement.setString(9, stored.scopeGroupId().toString());
            statement.setString(10, json.schedule(task.schedule()));
            statement.setBoolean(11, task.enabled());
            statement.setInt(12, task.revision());
            SqlTime.set(statement, 13, task.createdAt());
            ActorColumns.set(statement, 14, task.createdBy());
            SqlTime.set(statement, 17, task.updatedAt());
            ActorColumns.set(statement, 18, task.updatedBy());
            SqlTime.set(statement, 21, stored.nextFireAt());
            SqlTime.set(statement, 22, task.nextRunAt());
            statement.setString(23, task.lastRunId() == null ? null : task.lastRunId().toString());
            statement.setString(24, stored.serverRunId() == null ? null : stored.serverRunId().toString());
            statement.executeUpdate();
        }
        insertDevices(connection, task);
    }

    /** Replaces what an admin sets, the revision, and when the task starts next. */
    public void update(Connection connection, StoredTask stored) throws SQLException {
        Task task = stored.task();
        try (PreparedStatement statement = connection.prepareStatement("UPDATE TASKS_TASK SET NAME = ?, "
                + "NAME_KEY = ?, PARAMETERS = ?, SCOPE_KIND = ?, GROUP_ID = ?, SCOPE_GROUP_ID = ?, SCHEDULE = ?, "
                + "ENABLED = ?, REVISION = ?, UPDATED_AT = ?, UPDATED_BY_KIND = ?, UPDATED_BY_ID = ?, "
                + "UPDATED_BY_NAME = ?, NEXT_FIRE_AT = ?, NEXT_RUN_AT = ? WHERE ID = ?")) {
            statement.setString(1, task.name());
            statement.setString(2, nameKey(task.name()));
            statement.setString(3, json.write(task.parameters()));
            statement.setString(4, scopeKind(task.scope()));
            statement.setString(5, task.scope() == null || task.scope().groupId() == null ? null
                    : task.scope().groupId().toString());
            statement.setString(6, stored.scopeGroupId().toString());
            statement.setString(7, json.schedule(task.schedule()));
            statement.setBoolean(8, task.enabled());
            statement.setInt(9, task.revision());
            SqlTime.set(statement, 10, task.updatedAt());
            ActorColumns.set(statement, 11, task.updatedBy());
            SqlTime.set(statement, 14, stored.nextFireAt());
            SqlTime.set(statement, 15, task.nextRunAt());
            statement.setString(16, task.id().toString());
            statement.executeUpdate();
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "DELETE FROM TASKS_TASK_DEVICE WHERE TASK_ID = ?")) {
            statement.setString(1, task.id().toString());
            statement.executeUpdate();
        }
        insertDevices(connection, task);
    }

    private static void insertDevices(Connection connection, Task task) throws SQLException {
        if (task.scope() == null || task.scope().groupSubtree() || task.scope().deviceIds().isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO TASKS_TASK_DEVICE (TASK_ID, POSITION, DEVICE_ID) VALUES (?, ?, ?)")) {
            int position = 0;
            for (UUID deviceId : task.scope().deviceIds()) {
                statement.setString(1, task.id().toString());
                statement.setInt(2, position++);
                statement.setString(3, deviceId.toString());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    public Optional<StoredTask> find(Connection connection, UUID id) throws SQLException {
        List<StoredTask> found = select(connection, "WHERE ID = ?", List.of(id.toString()), 1);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /**
     * Tasks matching the query, by name ignoring case, after a position.
     *
     * @param afterNameKey the lower-cased name of the last task of the previous page, or {@code null}
     * @param afterId      that task's id
     */
    public List<StoredTask> list(Connection connection, TaskQuery query, TaskStatusFilter status,
            String afterNameKey, UUID afterId, int limit) throws SQLException {
        List<String> parameters = new ArrayList<>();
        StringBuilder where = filters(query, status, parameters);
        if (afterNameKey != null) {
            where.append(where.length() == 0 ? "WHERE " : " AND ")
                    .append("(NAME_KEY > ? OR (NAME_KEY = ? AND ID > ?))");
            parameters.addAll(List.of(afterNameKey, afterNameKey, afterId.toString()));
        }
        where.append(" ORDER BY NAME_KEY, ID");
        return select(connection, where.toString(), parameters, limit);
    }

    public long count(Connection connection, TaskQuery query, TaskStatusFilter status) throws SQLException {
        List<String> parameters = new ArrayList<>();
        StringBuilder where = filters(query, status, parameters);
        try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM TASKS_TASK " + where)) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static StringBuilder filters(TaskQuery query, TaskStatusFilter status, List<String> parameters) {
        List<String> conditions = new ArrayList<>();
        // literals, not parameters: Derby does not convert a string parameter to BOOLEAN
        if (status.enabled() != null) {
            conditions.add(status.enabled() ? "ENABLED = TRUE" : "ENABLED = FALSE");
        }
        if (status.scheduled() != null) {
            conditions.add(status.scheduled() ? "NEXT_RUN_AT IS NOT NULL" : "NEXT_RUN_AT IS NULL");
        }
        if (query.application() != null) {
            conditions.add("APPLICATION = ?");
            parameters.add(query.application());
        }
        if (query.type() != null) {
            conditions.add("TYPE = ?");
            parameters.add(query.type());
        }
        if (query.groupId() != null) {
            conditions.add("GROUP_ID = ?");
            parameters.add(query.groupId().toString());
        }
        if (query.withinGroups() != null) {
            if (query.withinGroups().isEmpty()) {
                conditions.add("1 = 0");
            } else {
                // scoped callers are granted few subtrees: the list stays short
                conditions.add("SCOPE_GROUP_ID IN (" + String.join(", ",
                        Collections.nCopies(query.withinGroups().size(), "?")) + ")");
                query.withinGroups().forEach(group -> parameters.add(group.toString()));
            }
        }
        return new StringBuilder(conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions));
    }

    /** The group that decides who may see, change and run the task. */
    public Optional<UUID> scopeGroup(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT SCOPE_GROUP_ID FROM TASKS_TASK WHERE ID = ?")) {
            statement.setString(1, id.toString());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(UUID.fromString(rows.getString(1))) : Optional.empty();
            }
        }
    }

    /** How many tasks have each group's subtree as their scope. */
    public Map<UUID, Long> countByGroup(Connection connection, Collection<UUID> groupIds) throws SQLException {
        Map<UUID, Long> counts = new HashMap<>();
        for (List<String> chunk : chunks(groupIds)) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT GROUP_ID, COUNT(*) FROM "
                    + "TASKS_TASK WHERE GROUP_ID IN (" + placeholders(chunk.size()) + ") GROUP BY GROUP_ID")) {
                bind(statement, chunk);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        counts.put(UUID.fromString(rows.getString(1)), rows.getLong(2));
                    }
                }
            }
        }
        return counts;
    }

    /** The tasks whose scope is one of these groups' subtrees. */
    public List<UUID> inGroups(Connection connection, Collection<UUID> groupIds) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        for (List<String> chunk : chunks(groupIds)) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT ID FROM TASKS_TASK WHERE "
                    + "GROUP_ID IN (" + placeholders(chunk.size()) + ")")) {
                bind(statement, chunk);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        ids.add(UUID.fromString(rows.getString(1)));
                    }
                }
            }
        }
        return ids;
    }

    public void delete(Connection connection, UUID id) throws SQLException {
        for (String sql : List.of("DELETE FROM TASKS_TASK_DEVICE WHERE TASK_ID = ?",
                "DELETE FROM TASKS_TASK WHERE ID = ?")) {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, id.toString());
                statement.executeUpdate();
            }
        }
    }

    /** Enabled tasks whose start is due at {@code now}, the most overdue first. */
    public List<StoredTask> due(Connection connection, Instant now, int limit) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM TASKS_TASK "
                + "WHERE NEXT_RUN_AT <= ? AND ENABLED = ? ORDER BY NEXT_RUN_AT, ID")) {
            SqlTime.set(statement, 1, now);
            statement.setBoolean(2, true);
            statement.setMaxRows(limit);
            return read(connection, statement);
        }
    }

    /** When the earliest enabled task is due, if any is. */
    public Optional<Instant> earliestDue(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT MIN(NEXT_RUN_AT) AS EARLIEST FROM TASKS_TASK WHERE ENABLED = ?")) {
            statement.setBoolean(1, true);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return Optional.ofNullable(SqlTime.get(rows, "EARLIEST"));
            }
        }
    }

    /**
     * Moves a due task to its next start, provided it is still due at the time read (so the scheduler starts each
     * time once, even if an admin changed the task meanwhile).
     *
     * @return whether the task was still due at {@code dueAt} and has been moved
     */
    public boolean advance(Connection connection, UUID id, Instant dueAt, Instant nextFireAt, Instant nextRunAt)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE TASKS_TASK SET NEXT_FIRE_AT = ?, "
                + "NEXT_RUN_AT = ? WHERE ID = ? AND NEXT_RUN_AT = ?")) {
            SqlTime.set(statement, 1, nextFireAt);
            SqlTime.set(statement, 2, nextRunAt);
            statement.setString(3, id.toString());
            SqlTime.set(statement, 4, dueAt);
            return statement.executeUpdate() == 1;
        }
    }

    /** Records the task's latest run. */
    public void setLastRun(Connection connection, UUID taskId, UUID runId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE TASKS_TASK SET LAST_RUN_ID = ? WHERE ID = ?")) {
            statement.setString(1, runId.toString());
            statement.setString(2, taskId.toString());
            statement.executeUpdate();
        }
    }

    /**
     * Takes the task's one slot for a run of the server's own.
     *
     * @return whether it was free
     */
    public boolean claimServerRun(Connection connection, UUID taskId, UUID runId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE TASKS_TASK SET SERVER_RUN_ID = ? WHERE ID = ? AND SERVER_RUN_ID IS NULL")) {
            statement.setString(1, runId.toString());
            statement.setString(2, taskId.toString());
            return statement.executeUpdate() == 1;
        }
    }

    /** Frees the slot the run held. */
    public void releaseServerRun(Connection connection, UUID runId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE TASKS_TASK SET SERVER_RUN_ID = NULL WHERE SERVER_RUN_ID = ?")) {
            statement.setString(1, runId.toString());
            statement.executeUpdate();
        }
    }

    private List<StoredTask> select(Connection connection, String where, List<String> parameters, int limit)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM TASKS_TASK " + where)) {
            bind(statement, parameters);
            statement.setMaxRows(limit);
            return read(connection, statement);
        }
    }

    private List<StoredTask> read(Connection connection, PreparedStatement statement) throws SQLException {
        List<StoredTask> found = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                found.add(read(rows));
            }
        }
        Map<UUID, List<UUID>> selections = devices(connection, found.stream()
                .filter(t -> DEVICES.equals(scopeKind(t.task().scope()))).map(StoredTask::id).toList());
        if (selections.isEmpty()) {
            return found;
        }
        List<StoredTask> complete = new ArrayList<>(found.size());
        for (StoredTask stored : found) {
            List<UUID> devices = selections.get(stored.id());
            Task task = stored.task();
            complete.add(devices == null ? stored : new StoredTask(new Task(task.id(), task.name(),
                    task.application(), task.type(), task.parameters(), TaskScope.devices(devices), task.schedule(),
                    task.enabled(), task.revision(), task.createdAt(), task.createdBy(), task.updatedAt(),
                    task.updatedBy(), task.nextRunAt(), task.lastRunId()), stored.scopeGroupId(),
                    stored.nextFireAt(), stored.serverRunId()));
        }
        return complete;
    }

    private static Map<UUID, List<UUID>> devices(Connection connection, List<UUID> taskIds) throws SQLException {
        Map<UUID, List<UUID>> devices = new LinkedHashMap<>();
        for (List<String> chunk : chunks(taskIds)) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT TASK_ID, DEVICE_ID FROM "
                    + "TASKS_TASK_DEVICE WHERE TASK_ID IN (" + placeholders(chunk.size()) + ") ORDER BY TASK_ID, "
                    + "POSITION")) {
                bind(statement, chunk);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        devices.computeIfAbsent(UUID.fromString(rows.getString(1)), id -> new ArrayList<>())
                                .add(UUID.fromString(rows.getString(2)));
                    }
                }
            }
        }
        return devices;
    }

    private StoredTask read(ResultSet rows) throws SQLException {
        String kind = rows.getString("SCOPE_KIND");
        TaskScope scope = switch (kind) {
            case GROUP -> TaskScope.group(UUID.fromString(rows.getString("GROUP_ID")));
            case DEVICES -> TaskScope.devices(List.of());
            case SERVER -> null;
            default -> throw new IllegalStateException("unknown scope kind " + kind);
        };
        String lastRun = rows.getString("LAST_RUN_ID");
        String serverRun = rows.getString("SERVER_RUN_ID");
        Task task = new Task(UUID.fromString(rows.getString("ID")), rows.getString("NAME"),
                rows.getString("APPLICATION"), rows.getString("TYPE"), json.readObject(rows.getString("PARAMETERS")),
                scope, json.schedule(rows.getString("SCHEDULE")), rows.getBoolean("ENABLED"), rows.getInt("REVISION"),
                SqlTime.get(rows, "CREATED_AT"), ActorColumns.get(rows, "CREATED_BY"), SqlTime.get(rows, "UPDATED_AT"),
                ActorColumns.get(rows, "UPDATED_BY"), SqlTime.get(rows, "NEXT_RUN_AT"),
                lastRun == null ? null : UUID.fromString(lastRun));
        return new StoredTask(task, UUID.fromString(rows.getString("SCOPE_GROUP_ID")),
                SqlTime.get(rows, "NEXT_FIRE_AT"), serverRun == null ? null : UUID.fromString(serverRun));
    }

    /** The lower-cased name tasks are ordered by. */
    public static String nameKey(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static String scopeKind(TaskScope scope) {
        return scope == null ? SERVER : scope.groupSubtree() ? GROUP : DEVICES;
    }

    static List<List<String>> chunks(Collection<UUID> ids) {
        List<String> all = ids.stream().map(UUID::toString).toList();
        List<List<String>> chunks = new ArrayList<>();
        for (int start = 0; start < all.size(); start += CHUNK) {
            chunks.add(all.subList(start, Math.min(all.size(), start + CHUNK)));
        }
        return chunks;
    }

    static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    static void bind(PreparedStatement statement, List<String> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setString(i + 1, parameters.get(i));
        }
    }
}
