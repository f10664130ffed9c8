package org.garrison.store.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.garrison.api.Ids;
import org.garrison.api.server.ServerIdentity;
import org.garrison.api.store.MigratedSchema;
import org.garrison.api.store.SqlTime;
import org.garrison.api.store.Transactions;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The installation's identity: read from the database, or created there on the very first start.
 */
@Component(service = ServerIdentity.class)
public class ServerIdentityService implements ServerIdentity {

    private static final Logger LOG = LoggerFactory.getLogger(ServerIdentityService.class);

    private final UUID id;
    private final Instant installedAt;
    private final Instant startedAt;
    private final String version;

    @Activate
    public ServerIdentityService(BundleContext context, @Reference Transactions transactions,
            @Reference(target = "(" + MigratedSchema.SCHEMA_PROPERTY + "=store)") MigratedSchema schema) {
        Clock clock = Clock.systemUTC();
        this.version = context.getBundle().getHeaders("").get("Garrison-Version");
        this.startedAt = ProcessHandle.current().info().startInstant().orElseGet(clock::instant);
        Installation installation = transactions.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT ID, INSTALLED_AT FROM SERVER_INSTANCE WHERE SLOT = 1");
                    ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    return new Installation(UUID.fromString(row.getString("ID")),
                            SqlTime.get(row, "INSTALLED_AT"), false);
                }
            }
            Installation created = new Installation(Ids.newId(), clock.instant(), true);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO SERVER_INSTANCE (SLOT, ID, INSTALLED_AT, INSTALLED_VERSION) VALUES (1, ?, ?, ?)")) {
                insert.setString(1, created.id().toString());
                SqlTime.set(insert, 2, created.installedAt());
                insert.setString(3, version);
                insert.executeUpdate();
            }
            return created;
        });
        this.id = installation.id();
        this.installedAt = installation.installedAt();
        if (installation.created()) {
            LOG.info("New Garrison installation {} created", id);
        }
    }

    @Override
    public UUID id() {
        return id;
    }

    @Override
    public Instant installedAt() {
        return installedAt;
    }

    @Override
    public Instant startedAt() {
        return startedAt;
    }

    @Override
    public String version() {
        return version;
    }

    private record Installation(UUID id, Instant installedAt, boolean created) {
    }
}
