package org.garrison.tasks.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.garrison.api.store.SqlTime;
import org.garrison.api.task.DeviceRunState;
import org.garrison.api.task.RunTrigger;
import org.garrison.api.task.TaskRunDevice;
import org.garrison.api.task.TaskRunState;

/**
 * The SQL of {@code TASKS_RUN} and {@code TASKS_TARGET}. Every method works in its caller's transaction. State
 * changes of devices are conditional on their not having a final state yet, so that a late result never overwrites
 * a cancellation and the other way round.
 */
public final class RunRepository {

    /** The longest message stored for a device or a run. */
    public static final int MAX_MESSAGE_LENGTH = 2000;

    private static final String RUN_COLUMNS = "ID, TASK_ID, STATE, TRIGGER_KIND, APPLICATION, TYPE, PARAMETERS, "
            + "STOP_AFTER_MINUTES, SCHEDULED_FOR, STARTED_AT, FINISHED_AT, STARTED_BY_KIND, STARTED_BY_ID, "
            + "STARTED_BY_NAME, MESSAGE, SKIPPED";
    private static final String TARGET_COLUMNS = "ID, RUN_ID, DEVICE_ID, DEVICE_NAME, STATE, MESSAGE, RESULT, "
            + "INSTRUCTION_ID, UPDATED_AT";
    private static final String OPEN = "STATE IN ('PENDING', 'RUNNING')";

    private final TaskJson json;

    public RunRepository(TaskJson json) {
        this.json = json;
    }

    /**
     * A device (or the server, without a device id) joining a run.
     *
     * @param dispatchAt when its instruction is sent; {@code null} for the server
     */
    public record NewTarget(UUID deviceId, String deviceName, Instant dispatchAt) {
    }

    /** A device of a run whose instruction is due to be sent. */
    public record DueTarget(long id, UUID runId, UUID deviceId) {
    }

    /** A device of a run, with its instruction if it was sent. */
    public record OpenTarget(long id, UUID runId, UUID instructionId) {
    }

    public void insert(Connection connection, StoredRun run) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO TASKS_RUN (" + RUN_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            statement.setString(1, run.id().toString());
            statement.setString(2, run.taskId().toString());
            statement.setString(3, run.state().name());
            statement.setString(4, run.trigger().name());
            statement.setString(5, run.application());
            statement.setString(6, run.type());
            statement.setString(7, json.write(run.parameters()));
            if (run.stopAfterMinutes() == null) {
                statement.setNull(8, java.sql.Types.INTEGER);
            } else {
                statement.setInt(8, run.stopAfterMinutes());
            }
            SqlTime.set(statement, 9, run.scheduledFor());
            SqlTime.set(statement, 10, run.startedAt());
            SqlTime.set(statement, 11, run.finishedAt());
            ActorColumns.set(statement, 12, run.startedBy());
            statement.setString(15, truncate(run.message()));
            statement.setInt(16, run.skipped());
            statement.executeUpdate();
        }
    }

    /** Adds devices to a run, all pending, in batches. */
    public void insertTargets(Connection connection, UUID runId, List<NewTarget> targets, Instant now)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO TASKS_TARGET (RUN_ID, "
                + "DEVICE_ID, DEVICE_NAME, STATE, DISPATCH_AT, UPDATED_AT) VALUES (?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (NewTarget target : targets) {
                statement.setString(1, runId.toString());
                statement.setString(2, target.deviceId() == null ? null : target.deviceId().toString());
                statement.setString(3, target.deviceName() == null ? null
                        : target.deviceName().substring(0, Math.min(255, target.deviceName().length())));
                statement.setString(4, DeviceRunState.PENDING.name());
                SqlTime.set(statement, 5, target.dispatchAt());
                SqlTime.set(statement, 6, now);
                statement.addBatch();
                if (++pending == TaskRepository.CHUNK) {
                    statement.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                statement.executeBatch();
            }
        }
    }

    public Optional<StoredRun> find(Connection connection, UUID runId) throws SQLException {
        List<StoredRun> found = selectRuns(connection, "WHERE ID = ?", List.of(runId.toString()), 1);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /**
     * A task's runs, newest first, after a position.
     *
     * @param afterStartedAt when the last run of the previous page started, or {@code null}
     * @param afterId        that run's id
     */
    public List<StoredRun> runs(Connection connection, UUID taskId, Instant afterStartedAt, UUID afterId, int limit)
            throws SQLException {
        if (afterStartedAt == null) {
            return selectRuns(connection, "WHERE TASK_ID = ? ORDER BY STARTED_AT DESC, ID DESC",
                    List.of(taskId.toString()), limit);
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + RUN_COLUMNS + " FROM TASKS_RUN "
                + "WHERE TASK_ID = ? AND (STARTED_AT < ? OR (STARTED_AT = ? AND ID < ?)) "
                + "ORDER BY STARTED_AT DESC, ID DESC")) {
            statement.setString(1, taskId.toString());
            SqlTime.set(statement, 2, afterStartedAt);
            SqlTime.set(statement, 3, afterStartedAt);
            statement.setString(4, afterId.toString());
            statement.setMaxRows(limit);
            return readRuns(statement);
        }
    }

    public long countRuns(Connection connection, UUID taskId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT COUNT(*) FROM TASKS_RUN WHERE TASK_ID = ?")) {
            statement.setString(1, taskId.toString());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** The runs of a task that are still running. */
    public List<StoredRun> running(Connection connection, UUID taskId) throws SQLException {
        return selectRuns(connection, "WHERE TASK_ID = ? AND STATE = 'RUNNING'", List.of(taskId.toString()),
                Integer.MAX_VALUE);
    }

    /** Every run still running, of every task. */
    public List<StoredRun> running(Connection connection) throws SQLException {
        return selectRuns(connection, "WHERE STATE = 'RUNNING'", List.of(), Integer.MAX_VALUE);
    }

    /** The number of devices in each state, per run. */
    public Map<UUID, Map<String, Integer>> counts(Connection connection, Collection<UUID> runIds)
            throws SQLException {
        Map<UUID, Map<String, Integer>> counts = new HashMap<>();
        for (List<String> chunk : TaskRepository.chunks(runIds)) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT RUN_ID, STATE, COUNT(*) FROM "
                    + "TASKS_TARGET WHERE RUN_ID IN (" + TaskRepository.placeholders(chunk.size())
                    + ") GROUP BY RUN_ID, STATE")) {
                TaskRepository.bind(statement, chunk);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        counts.computeIfAbsent(UUID.fromString(rows.getString(1)), id -> new HashMap<>())
                                .put(rows.getString(2), rows.getInt(3));
                    }
                }
            }
        }
        return counts;
    }

    /**
     * A run's devices in the order they joined it, after a position.
     *
     * @param state   only devices in this state, or {@code null}
     * @param afterId the last position of the previous page, or 0
     * @return the devices, each with its position
     */
    public List<Positioned> targets(Connection connection, UUID runId, DeviceRunState state, long afterId,
            int limit) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + TARGET_COLUMNS + " FROM "
                + "TASKS_TARGET WHERE RUN_ID = ? AND ID > ?" + (state == null ? "" : " AND STATE = ?")
                + " ORDER BY ID")) {
            statement.setString(1, runId.toString());
            statement.setLong(2, afterId);
            if (state != null) {
                statement.setString(3, state.name());
            }
            statement.setMaxRows(limit);
            List<Positioned> found = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(new Positioned(rows.getLong("ID"), readTarget(rows)));
                }
            }
            return found;
        }
    }

    /**
     * A device of a run with its position in the run.
     */
    public record Positioned(long position, TaskRunDevice device) {
    }

    public long countTargets(Connection connection, UUID runId, DeviceRunState state) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM TASKS_TARGET WHERE "
                + "RUN_ID = ?" + (state == null ? "" : " AND STATE = ?"))) {
            statement.setString(1, runId.toString());
            if (state != null) {
                statement.setString(2, state.name());
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /**
     * A device's entries in runs, newest first (in the order it joined them), with their runs and tasks, after a
     * position.
     *
     * @param state    only entries in this state, or {@code null}
     * @param beforeId the last position of the previous page, or {@code null} for the first page
     */
    public List<PositionedDeviceRun> deviceRuns(Connection connection, UUID deviceId, DeviceRunState state,
            Long beforeId, int limit) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT T.ID, T.RUN_ID, R.TASK_ID, "
                + "K.NAME, R.APPLICATION, R.TYPE, R.TRIGGER_KIND, R.STATE AS RUN_STATE, T.STATE, T.MESSAGE, "
                + "T.RESULT, T.INSTRUCTION_ID, R.STARTED_AT, R.FINISHED_AT, T.UPDATED_AT FROM TASKS_TARGET T "
                + "JOIN TASKS_RUN R ON R.ID = T.RUN_ID JOIN TASKS_TASK K ON K.ID = R.TASK_ID WHERE T.DEVICE_ID = ?"
                + (beforeId == null ? "" : " AND T.ID < ?") + (state == null ? "" : " AND T.STATE = ?")
                + " ORDER BY T.ID DESC")) {
            int index = 1;
            statement.setString(index++, deviceId.toString());
            if (beforeId != null) {
                statement.setLong(index++, beforeId);
            }
            if (state != null) {
                statement.setString(index, state.name());
            }
            statement.setMaxRows(limit);
            List<PositionedDeviceRun> found = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String instructionId = rows.getString("INSTRUCTION_ID");
                    found.add(new PositionedDeviceRun(rows.getLong("ID"), new DeviceTaskRun(
                            UUID.fromString(rows.getString("RUN_ID")), UUID.fromString(rows.getString("TASK_ID")),
                            rows.getString("NAME"), rows.getString("APPLICATION"), rows.getString("TYPE"),
                            RunTrigger.valueOf(rows.getString("TRIGGER_KIND")),
                            TaskRunState.valueOf(rows.getString("RUN_STATE")),
                            DeviceRunState.valueOf(rows.getString("STATE")), rows.getString("MESSAGE"),
                            json.readObject(rows.getString("RESULT")),
                            instructionId == null ? null : UUID.fromString(instructionId),
                            SqlTime.get(rows, "STARTED_AT"), SqlTime.get(rows, "FINISHED_AT"),
                            SqlTime.get(rows, "UPDATED_AT"))));
                }
            }
            return found;
        }
    }

    /** A device's entry in a run with its position among the device's entries. */
    public record PositionedDeviceRun(long position, DeviceTaskRun run) {
    }

    public long countDeviceRuns(Connection connection, UUID deviceId, DeviceRunState state) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM TASKS_TARGET WHERE "
                + "DEVICE_ID = ?" + (state == null ? "" : " AND STATE = ?"))) {
            statement.setString(1, deviceId.toString());
            if (state != null) {
                statement.setString(2, state.name());
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** The runs with these ids that exist. */
    public List<StoredRun> findAll(Connection connection, Collection<UUID> runIds) throws SQLException {
        List<StoredRun> found = new ArrayList<>();
        for (List<String> chunk : TaskRepository.chunks(runIds)) {
            found.addAll(selectRuns(connection, "WHERE ID IN (" + TaskRepository.placeholders(chunk.size()) + ")",
                    chunk, Integer.MAX_VALUE));
        }
        return found;
    }

    /** Devices whose instruction is due to be sent, earliest first. */
    public List<DueTarget> dueForDispatch(Connection connection, Instant now, int limit) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT ID, RUN_ID, DEVICE_ID FROM "
                + "TASKS_TARGET WHERE DISPATCH_AT <= ? ORDER BY DISPATCH_AT, ID")) {
            SqlTime.set(statement, 1, now);
            statement.setMaxRows(limit);
            List<DueTarget> due = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    due.add(new DueTarget(rows.getLong(1), UUID.fromString(rows.getString(2)),
                            UUID.fromString(rows.getString(3))));
                }
            }
            return due;
        }
    }

    /** When the earliest instruction is due to be sent, if any is. */
    public Optional<Instant> earliestDispatch(Connection connection) throws SQLException {
        return earliest(connection, "DISPATCH_AT");
    }

    /** When the earliest time limit runs out, if any does. */
    public Optional<Instant> earliestDeadline(Connection connection) throws SQLException {
        return earliest(connection, "DEADLINE_AT");
    }

    private static Optional<Instant> earliest(Connection connection, String column) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT MIN(" + column + ") AS EARLIEST FROM TASKS_TARGET")) {
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return Optional.ofNullable(SqlTime.get(rows, "EARLIEST"));
            }
        }
    }

    /**
     * Records the instruction sent to a device, and until when it may run.
     *
     * @return whether the device was still waiting for it
     */
    public boolean dispatched(Connection connection, long targetId, UUID instructionId, Instant deadline, Instant now)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE TASKS_TARGET SET INSTRUCTION_ID = ?, "
                + "DISPATCH_AT = NULL, DEADLINE_AT = ?, UPDATED_AT = ? WHERE ID = ? AND " + OPEN)) {
            statement.setString(1, instructionId.toString());
            SqlTime.set(statement, 2, deadline);
            SqlTime.set(statement, 3, now);
            statement.setLong(4, targetId);
            return statement.executeUpdate() == 1;
        }
    }

    /**
     * Records where a device's instruction stands.
     *
     * @return the run of the device whose state changed, or empty when nothing changed (unknown instruction, or it
     *         already had a final state)
     */
    public Optional<UUID> moveByInstruction(Connection connection, UUID instructionId, DeviceRunState state,
            String message, Map<String, Object> result, Instant at) throws SQLException {
        Optional<UUID> runId;
        try (PreparedStatement statement = connection.prepareStatement("SELECT RUN_ID FROM TASKS_TARGET WHERE "
                + "INSTRUCTION_ID = ? AND " + OPEN)) {
            statement.setString(1, instructionId.toString());
            try (ResultSet rows = statement.executeQuery()) {
                runId = rows.next() ? Optional.of(UUID.fromString(rows.getString(1))) : Optional.empty();
            }
        }
        if (runId.isEmpty()) {
            return runId;
        }
        try (PreparedStatement statement = connection.prepareStatement("UPDATE TASKS_TARGET SET STATE = ?, "
                + "MESSAGE = ?, RESULT = ?, UPDATED_AT = ?, DEADLINE_AT = " + (state.isFinal() ? "NULL" : "DEADLINE_AT")
                + " WHERE INSTRUCTION_ID = ? AND " + OPEN)) {
            statement.setString(1, state.name());
            statement.setString(2, truncate(message));
            statement.setString(3, result == null || result.isEmpty() ? null : json.write(result));
            SqlTime.set(statement, 4, at);
            statement.setString(5, instructionId.toString());
            return statement.executeUpdate() > 0 ? runId : Optional.empty();
        }
    }

    /** Records where the server's own target of a run stands. */
    public void moveServerTarget(Connection connection, UUID runId, DeviceRunState state, String message,
            Map<String, Object> result, Instant at) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE TASKS_TARGET SET STATE = ?, "
                + "MESSAGE = ?, RESULT = ?, UPDATED_AT = ? WHERE RUN_ID = ? AND DEVICE_ID IS NULL AND " + OPEN)) {
            statement.setString(1, state.name());
            statement.setString(2, truncate(message));
            statement.setString(3, result == null || result.isEmpty() ? null : json.write(result));
            SqlTime.set(statement, 4, at);
            statement.setString(5, runId.toString());
            statement.executeUpdate();
        }
    }

    /** Devices whose time limit has run out and that have not finished, earliest first. */
    public List<OpenTarget> overdue(Connection connection, Instant now, int limit) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT ID, RUN_ID, INSTRUCTION_ID FROM "
                + "TASKS_TARGET WHERE DEADLINE_AT <= ? ORDER BY DEADLINE_AT, ID")) {
            SqlTime.set(statement, 1, now);
            statement.setMaxRows(limit);
            return readOpen(statement);
        }
    }

    /** A run's devices that have not finished. */
    public List<OpenTarget> open(Connection connection, UUID runId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT ID, RUN_ID, INSTRUCTION_ID FROM "
                + "TASKS_TARGET WHERE RUN_ID = ? AND " + OPEN + " ORDER BY ID")) {
            statement.setString(1, runId.toString());
            return readOpen(statement);
        }
    }

    /** Whether any device of the run has not finished. */
    public boolean hasOpen(Connection connection, UUID runId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT ID FROM TASKS_TARGET WHERE "
                + "RUN_ID = ? AND " + OPEN)) {
            statement.setString(1, runId.toString());
            statement.setMaxRows(1);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Gives devices that have not finished a final state, in batches. */
    public void finishTargets(Connection connection, Collection<Long> targetIds, DeviceRunState state, String message,
            Instant at) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE TASKS_TARGET SET STATE = ?, "
                + "MESSAGE = ?, DISPATCH_AT = NULL, DEADLINE_AT = NULL, UPDATED_AT = ? WHERE ID = ? AND " + OPEN)) {
            int pending = 0;
            for (long id : targetIds) {
                statement.setString(1, state.name());
                statement.setString(2, truncate(message));
                SqlTime.set(statement, 3, at);
                statement.setLong(4, id);
                statement.addBatch();
                if (++pending == TaskRepository.CHUNK) {
                    statement.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                statement.executeBatch();
            }
        }
    }

    /**
     * Ends a run that is still running.
     *
     * @return whether it was running
     */
    public boolean finish(Connection connection, UUID runId, TaskRunState state, String message, Instant at)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE TASKS_RUN SET STATE = ?, "
                + "FINISHED_AT = ?, MESSAGE = COALESCE(?, MESSAGE) WHERE ID = ? AND STATE = 'RUNNING'")) {
            statement.setString(1, state.name());
            SqlTime.set(statement, 2, at);
            statement.setString(3, truncate(message));
            statement.setString(4, runId.toString());
            return statement.executeUpdate() == 1;
        }
    }

    /** Deletes every run of the task. */
    public void deleteRuns(Connection connection, UUID taskId) throws SQLException {
        deleteRuns(connection, "WHERE TASK_ID = ?", List.of(taskId.toString()));
    }

    /** Deletes the task's finished runs beyond the newest {@code keep} runs. */
    public int deleteOldRuns(Connection connection, UUID taskId, int keep) throws SQLException {
        List<String> old = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT ID, STATE FROM TASKS_RUN WHERE "
                + "TASK_ID = ? ORDER BY STARTED_AT DESC, ID DESC")) {
            statement.setString(1, taskId.toString());
            try (ResultSet rows = statement.executeQuery()) {
                int seen = 0;
                while (rows.next()) {
                    if (++seen > keep && !TaskRunState.RUNNING.name().equals(rows.getString(2))) {
                        old.add(rows.getString(1));
                    }
                }
            }
        }
        for (int start = 0; start < old.size(); start += TaskRepository.CHUNK) {
            List<String> chunk = old.subList(start, Math.min(old.size(), start + TaskRepository.CHUNK));
            deleteRuns(connection, "WHERE ID IN (" + TaskRepository.placeholders(chunk.size()) + ")", chunk);
        }
        return old.size();
    }

    private static void deleteRuns(Connection connection, String where, List<String> parameters)
            throws SQLException {
        String runs = "SELECT ID FROM TASKS_RUN " + where;
        try (PreparedStatement statement = connection.prepareStatement(
                "DELETE FROM TASKS_TARGET WHERE RUN_ID IN (" + runs + ")")) {
            TaskRepository.bind(statement, parameters);
            statement.executeUpdate();
        }
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM TASKS_RUN " + where)) {
            TaskRepository.bind(statement, parameters);
            statement.executeUpdate();
        }
    }

    private List<StoredRun> selectRuns(Connection connection, String where, List<String> parameters, int limit)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + RUN_COLUMNS + " FROM TASKS_RUN " + where)) {
            TaskRepository.bind(statement, parameters);
            if (limit != Integer.MAX_VALUE) {
                statement.setMaxRows(limit);
            }
            return readRuns(statement);
        }
    }

    private List<StoredRun> readRuns(PreparedStatement statement) throws SQLException {
        List<StoredRun> found = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                int stopAfter = rows.getInt("STOP_AFTER_MINUTES");
                Integer stopAfterMinutes = rows.wasNull() ? null : stopAfter;
                found.add(new StoredRun(UUID.fromString(rows.getString("ID")), UUID.fromString(rows.getString(
                        "TASK_ID")), TaskRunState.valueOf(rows.getString("STATE")),
                        RunTrigger.valueOf(rows.getString("TRIGGER_KIND")), rows.getString("APPLICATION"),
                        rows.getString("TYPE"), json.readObject(rows.getString("PARAMETERS")), stopAfterMinutes,
                        SqlTime.get(rows, "SCHEDULED_FOR"), SqlTime.get(rows, "STARTED_AT"),
                        SqlTime.get(rows, "FINISHED_AT"), ActorColumns.get(rows, "STARTED_BY"),
                        rows.getString("MESSAGE"), rows.getInt("SKIPPED")));
            }
        }
        return found;
    }

    private TaskRunDevice readTarget(ResultSet rows) throws SQLException {
        String deviceId = rows.getString("DEVICE_ID");
        String instructionId = rows.getString("INSTRUCTION_ID");
        return new TaskRunDevice(UUID.fromString(rows.getString("RUN_ID")),
                deviceId == null ? null : UUID.fromString(deviceId), rows.getString("DEVICE_NAME"),
                DeviceRunState.valueOf(rows.getString("STATE")), rows.getString("MESSAGE"),
                json.readObject(rows.getString("RESULT")),
                instructionId == null ? null : UUID.fromString(instructionId), SqlTime.get(rows, "UPDATED_AT"));
    }

    private static List<OpenTarget> readOpen(PreparedStatement statement) throws SQLException {
        List<OpenTarget> found = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String instruction = rows.getString(3);
                found.add(new OpenTarget(rows.getLong(1), UUID.fromString(rows.getString(2)),
                        instruction == null ? null : UUID.fromString(instruction)));
            }
        }
        return found;
    }

    private static String truncate(String message) {
        return message == null || message.length() <= MAX_MESSAGE_LENGTH ? message
                : message.substring(0, MAX_MESSAGE_LENGTH);
    }
}
