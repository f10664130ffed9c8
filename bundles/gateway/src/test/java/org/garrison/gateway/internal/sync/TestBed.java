package org.garrison.gateway.internal.sync;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.garrison.api.agent.AgentState;
import org.garrison.api.store.SqlTime;
import org.garrison.api.store.Transactions;
import org.garrison.gateway.internal.AgentIdentity;
import org.garrison.gateway.internal.instructions.InstructionResults;
import org.garrison.gateway.internal.server.GatewaySettings;
import org.garrison.store.internal.TestDatabase;

/**
 * A fresh database with the gateway's schema (applied by the store's real migrator), the devices and events areas
 * over test tables, and agents enrolled the way enrollment stores them.
 */
public final class TestBed {

    public final TestDatabase database;
    public final Transactions transactions;
    public final TestDevices devices;
    public final TestEvents events;

    public TestBed() {
        try {
            database = TestDatabase.withSchema("gateway", "db/gateway.sql", TestBed.class.getClassLoader());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        transactions = database.transactions();
        devices = new TestDevices(transactions);
        events = new TestEvents(transactions);
    }

    /** The real sync path over this database, answering its syncs on its own threads; {@link #stop} it. */
    public SyncService syncService(GatewaySettings settings) {
        return new SyncService(transactions, devices, events, agentId -> { },
                new InstructionResults(), () -> { }, settings,
                Clock.systemUTC());
    }

    public static void stop(SyncService service) {
        service.deactivate();
    }

    /** Enrolls an agent (as enrollment does: no device, nothing stored, full inventory wanted) with a certificate. */
    public AgentIdentity enroll(AgentState state) {
        UUID agentId = UUID.randomUUID();
        UUID group = UUID.randomUUID();
        devices.groups.add(group);
        String serial = Long.toHexString(System.nanoTime());
        transactions.runInTransaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO GATEWAY_AGENT (ID, HARDWARE_ID, HOSTNAME, "
                    + "STATE, GROUP_ID, STORED_THROUGH, FULL_INVENTORY_WANTED, ENROLLED_AT) VALUES (?, ?, ?, ?, ?, 0, "
                    + "?, ?)")) {
                insert.setString(1, agentId.toString());
                insert.setString(2, "hw-" + agentId);
                insert.setString(3, "host-" + agentId.toString().substring(0, 8));
                insert.setString(4, state.name());
                insert.setString(5, group.toString());
                insert.setBoolean(6, true);
                SqlTime.set(insert, 7, Instant.now());
                insert.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO GATEWAY_CERTIFICATE (SERIAL, AGENT_ID, "
                    + "ISSUED_AT, EXPIRES_AT) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, serial);
                insert.setString(2, agentId.toString());
                SqlTime.set(insert, 3, Instant.now());
                SqlTime.set(insert, 4, Instant.now().plusSeconds(86_400));
                insert.executeUpdate();
            }
        });
        return new AgentIdentity(agentId, state, null, group, "hw-" + agentId, "host-" + agentId.toString()
                .substring(0, 8), serial, Instant.now().plusSeconds(3600));
    }

    /** The identity as the directory gives it once the agent's device is linked. */
    public AgentIdentity reloaded(AgentIdentity agent) {
        return new AgentIdentity(agent.agentId(), agent.state(), deviceOf(agent.agentId()), agent.groupId(),
                agent.hardwareId(), agent.hostname(), agent.certificateSerial(), agent.renewAfter());
    }

    public UUID deviceOf(UUID agentId) {
        String device = column(agentId, "DEVICE_ID");
        return device == null ? null : UUID.fromString(device);
    }

    public String column(UUID agentId, String column) {
        return transactions.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + column
                    + " FROM GATEWAY_AGENT WHERE ID = ?")) {
                select.setString(1, agentId.toString());
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    Object value = rows.getObject(1);
                    return value == null ? null : value.toString().trim();
                }
            }
        });
    }

    public void execute(String sql) {
        transactions.runInTransaction(c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                statement.executeUpdate();
            }
        });
    }

    public int count(String table) {
        return transactions.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM " + table);
                    ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }
}
