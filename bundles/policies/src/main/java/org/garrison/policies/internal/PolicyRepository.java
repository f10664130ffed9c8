package org.garrison.policies.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.garrison.api.Actor;
import org.garrison.api.ActorKind;
import org.garrison.api.error.FieldError;
import org.garrison.api.policy.Policy;
import org.garrison.api.policy.PolicyQuery;
import org.garrison.api.policy.PolicyState;
import org.garrison.api.store.SqlTime;

/**
 * SQL for POLICIES_POLICY and POLICIES_GENERATION.
 */
public final class PolicyRepository {

    /** Ids per {@code IN (...)} list, well below what either database accepts. */
    private static final int IN_CHUNK = 500;
    private static final int MAX_ACTOR_TEXT = 255;

    private static final String COLUMNS = "ID, APPLICATION, GROUP_ID, NAME, DESCRIPTION, STATE, INHERIT, "
            + "FORCE_INHERIT, DOCUMENT, REVISION, CREATED_AT, CREATED_BY_KIND, CREATED_BY_ID, CREATED_BY_NAME, "
            + "UPDATED_AT, UPDATED_BY_KIND, UPDATED_BY_ID, UPDATED_BY_NAME, PROBLEMS, CHECKED_AGAINST";

    private final PolicyJson json;

    public PolicyRepository(PolicyJson json) {
        this.json = json;
    }

    /** Counts a change, taking the lock that queues concurrent changes; returns the new count. */
    public long bumpGeneration(Connection connection) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE POLICIES_GENERATION SET GENERATION = GENERATION + 1 WHERE ID = 1")) {
            update.executeUpdate();
        }
        return generation(connection);
    }

    long generation(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT GENERATION FROM POLICIES_GENERATION WHERE ID = 1");
                ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("POLICIES_GENERATION has lost its row");
            }
            return row.getLong(1);
        }
    }

    Optional<Policy> find(Connection connection, UUID id) throws SQLException {
        List<Policy> found = select(connection, "WHERE ID = ?", List.of(id.toString()));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    Optional<UUID> groupOf(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT GROUP_ID FROM POLICIES_POLICY WHERE ID = ?")) {
            select.setString(1, id.toString());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(UUID.fromString(row.getString(1))) : Optional.empty();
            }
        }
    }

    /** Every active and out-of-office policy. */
    public List<Policy> inForce(Connection connection) throws SQLException {
        return select(connection, "WHERE IN_FORCE IS NOT NULL", List.of());
    }

    /** The active and out-of-office policies of an application attached to the given groups. */
    List<Policy> inForce(Connection connection, String application, Collection<UUID> groups) throws SQLException {
        List<Policy> found = new ArrayList<>();
        for (List<String> chunk : chunks(groups)) {
            List<Object> parameters = new ArrayList<>(chunk);
            parameters.add(0, application);
            found.addAll(select(connection, "WHERE APPLICATION = ? AND IN_FORCE IS NOT NULL AND GROUP_ID IN ("
                    + placeholders(chunk.size()) + ")", parameters));
        }
        return found;
    }

    /** The policy of a group and application in an in-force state, other than the given one. */
    Optional<Policy> holding(Connection connection, UUID group, String application, PolicyState state,
            UUID except) throws SQLException {
        List<Policy> found = select(connection, "WHERE GROUP_ID = ? AND APPLICATION = ? AND IN_FORCE = ? AND ID <> ?",
                List.of(group.toString(), application, state.name(), except.toString()));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    List<String> applications(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT DISTINCT APPLICATION FROM POLICIES_POLICY ORDER BY APPLICATION");
                ResultSet row = select.executeQuery()) {
            List<String> applications = new ArrayList<>();
            while (row.next()) {
                applications.add(row.getString(1));
            }
            return applications;
        }
    }

    List<Policy> ofApplication(Connection connection, String application) throws SQLException {
        return select(connection, "WHERE APPLICATION = ? ORDER BY NAME_KEY, ID", List.of(application));
    }

    List<Policy> inGroups(Connection connection, Collection<UUID> groups) throws SQLException {
        List<Policy> found = new ArrayList<>();
        for (List<String> chunk : chunks(groups)) {
            found.addAll(select(connection, "WHERE GROUP_ID IN (" + placeholders(chunk.size()) + ")",
                    new ArrayList<>(chunk)));
        }
        return found;
    }

    /**
     * Policies matching the query's filters (not its group restriction), by name key then id, after the given
     * position.
     *
     * @param after the name key and id of the last policy of the previous page, or {@code null}
     */
    List<Policy> page(Connection connection, PolicyQuery query, List<String> after, int limit)
            throws SQLException {
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = filters(query, parameters);
        if (after != null) {
            where.append(where.isEmpty() ? "WHERE " : " AND ")
                    .append("(NAME_KEY > ? OR (NAME_KEY = ? AND ID > ?))");
            parameters.add(after.get(0));
            parameters.add(after.get(0));
            parameters.add(after.get(1));
        }
        where.append(" ORDER BY NAME_KEY, ID FETCH FIRST ").append(limit).append(" ROWS ONLY");
        return select(connection, where.toString(), parameters);
    }

    /** The number of policies matching the query's filters (not its group restriction), by group. */
    Map<UUID, Long> countByGroup(Connection connection, PolicyQuery query) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = filters(query, parameters);
        return counts(connection, "SELECT GROUP_ID, COUNT(*) FROM POLICIES_POLICY " + where + " GROUP BY GROUP_ID",
                parameters);
    }

    /** The number of policies attached to each of the groups (groups without policies are left out). */
    Map<UUID, Long> countByGroup(Connection connection, Collection<UUID> groups) throws SQLException {
        Map<UUID, Long> counts = new HashMap<>();
        for (List<String> chunk : chunks(groups)) {
            counts.putAll(counts(connection, "SELECT GROUP_ID, COUNT(*) FROM POLICIES_POLICY WHERE GROUP_ID IN ("
                    + placeholders(chunk.size()) + ") GROUP BY GROUP_ID", new ArrayList<>(chunk)));
        }
        return counts;
    }

    /** The sort key of a policy name: its lower-case form. */
    static String nameKey(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    public void insert(Connection connection, Policy policy) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO POLICIES_POLICY (" + COLUMNS
                + ", NAME_KEY, IN_FORCE, INVALID) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, ?)")) {
            int i = 1;
            insert.setString(i++, policy.id().toString());
            insert.setString(i++, policy.application());
            insert.setString(i++, policy.groupId().toString());
            i = setContent(insert, i, policy);
            insert.setInt(i++, policy.revision());
            SqlTime.set(insert, i++, policy.createdAt());
            i = setActor(insert, i, policy.createdBy());
            SqlTime.set(insert, i++, policy.updatedAt());
            i = setActor(insert, i, policy.updatedBy());
            i = bindProblems(insert, i, policy);
            insert.setString(i++, nameKey(policy.name()));
            insert.setString(i++, inForce(policy.state()));
            insert.setBoolean(i, !policy.problems().isEmpty());
            insert.executeUpdate();
        }
    }

    /** Writes everything but the id, application, group and creation of an existing policy. */
    public void update(Connection connection, Policy policy) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE POLICIES_POLICY SET NAME = ?, "
                + "DESCRIPTION = ?, STATE = ?, INHERIT = ?, FORCE_INHERIT = ?, DOCUMENT = ?, REVISION = ?, "
                + "UPDATED_AT = ?, UPDATED_BY_KIND = ?, UPDATED_BY_ID = ?, UPDATED_BY_NAME = ?, PROBLEMS = ?, "
                + "CHECKED_AGAINST = ?, NAME_KEY = ?, IN_FORCE = ?, INVALID = ? WHERE ID = ?")) {
            int i = setContent(update, 1, policy);
            update.setInt(i++, policy.revision());
            SqlTime.set(update, i++, policy.updatedAt());
            i = setActor(update, i, policy.updatedBy());
            i = bindProblems(update, i, policy);
            update.setString(i++, nameKey(policy.name()));
            update.setString(i++, inForce(policy.state()));
            update.setBoolean(i++, !policy.problems().isEmpty());
            update.setString(i, policy.id().toString());
            update.executeUpdate();
        }
    }

    /**
     * Records what a check against the plugin's settings schema found, without touching the policy itself.
     *
     * @param revision the revision that was checked
     * @return whether the policy was still at that revision (and so the problems were recorded)
     */
    boolean setProblems(Connection connection, UUID id, int revision, List<FieldError> problems,
            String checkedAgainst) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE POLICIES_POLICY SET PROBLEMS = ?, "
                + "INVALID = ?, CHECKED_AGAINST = ? WHERE ID = ? AND REVISION = ?")) {
            update.setString(1, json.problems(problems));
            update.setBoolean(2, !problems.isEmpty());
            update.setString(3, checkedAgainst);
            update.setString(4, id.toString());
            update.setInt(5, revision);
            return update.executeUpdate() == 1;
        }
    }

    void delete(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM POLICIES_POLICY WHERE ID = ?")) {
            delete.setString(1, id.toString());
            delete.executeUpdate();
        }
    }

    private int setContent(PreparedStatement statement, int index, Policy policy) throws SQLException {
        int i = index;
        statement.setString(i++, policy.name());
        statement.setString(i++, policy.description());
        statement.setString(i++, policy.state().name());
        statement.setBoolean(i++, policy.inheritFromParent());
        statement.setBoolean(i++, policy.forceInheritance());
        statement.setString(i++, json.document(policy.settings(), policy.lockedSettings(), policy.profiles()));
        return i;
    }

    private int bindProblems(PreparedStatement statement, int index, Policy policy) throws SQLException {
        statement.setString(index, json.problems(policy.problems()));
        statement.setString(index + 1, policy.checkedAgainst());
        return index + 2;
    }

    private static int setActor(PreparedStatement statement, int index, Actor actor) throws SQLException {
        statement.setString(index, actor.kind().name());
        statement.setString(index + 1, cut(actor.id()));
        statement.setString(index + 2, cut(actor.name()));
        return index + 3;
    }

    private static String cut(String text) {
        return text.length() <= MAX_ACTOR_TEXT ? text : text.substring(0, MAX_ACTOR_TEXT);
    }

    private static String inForce(PolicyState state) {
        return state == PolicyState.INACTIVE ? null : state.name();
    }

    private static StringBuilder filters(PolicyQuery query, List<Object> parameters) {
        List<String> conditions = new ArrayList<>();
        if (query.groupId() != null) {
            conditions.add("GROUP_ID = ?");
            parameters.add(query.groupId().toString());
        }
        if (query.application() != null) {
            conditions.add("APPLICATION = ?");
            parameters.add(query.application());
        }
        if (query.state() != null) {
            conditions.add("STATE = ?");
            parameters.add(query.state().name());
        }
        if (query.invalid() != null) {
            conditions.add("INVALID = ?");
            parameters.add(query.invalid());
        }
        return new StringBuilder(conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions));
    }

    private List<Policy> select(Connection connection, String where, List<?> parameters) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM POLICIES_POLICY " + where)) {
            bind(select, parameters);
            List<Policy> policies = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    policies.add(policy(row));
                }
            }
            return policies;
        }
    }

    private static Map<UUID, Long> counts(Connection connection, String sql, List<?> parameters)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            bind(select, parameters);
            Map<UUID, Long> counts = new HashMap<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    counts.put(UUID.fromString(row.getString(1)), row.getLong(2));
                }
            }
            return counts;
        }
    }

    private static void bind(PreparedStatement statement, List<?> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            if (value instanceof Boolean flag) {
                statement.setBoolean(i + 1, flag);
            } else {
                statement.setString(i + 1, (String) value);
            }
        }
    }

    private Policy policy(ResultSet row) throws SQLException {
        PolicyJson.Document document = json.document(row.getString("DOCUMENT"));
        return new Policy(UUID.fromString(row.getString("ID")), row.getString("APPLICATION"),
                UUID.fromString(row.getString("GROUP_ID")), row.getString("NAME"), row.getString("DESCRIPTION"),
                PolicyState.valueOf(row.getString("STATE")), row.getBoolean("INHERIT"),
                row.getBoolean("FORCE_INHERIT"), document.settings(), document.lockedSettings(),
                document.profiles(), row.getInt("REVISION"), SqlTime.get(row, "CREATED_AT"),
                actor(row, "CREATED_BY_"), SqlTime.get(row, "UPDATED_AT"), actor(row, "UPDATED_BY_"),
                json.problems(row.getString("PROBLEMS")), row.getString("CHECKED_AGAINST"));
    }

    private static Actor actor(ResultSet row, String prefix) throws SQLException {
        return new Actor(ActorKind.valueOf(row.getString(prefix + "KIND")), row.getString(prefix + "ID"),
                row.getString(prefix + "NAME"));
    }

    private static List<List<String>> chunks(Collection<UUID> ids) {
        List<List<String>> chunks = new ArrayList<>();
        List<String> chunk = new ArrayList<>();
        for (UUID id : ids) {
            chunk.add(id.toString());
            if (chunk.size() == IN_CHUNK) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
            }
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        return chunks;
    }

    private static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }
}
