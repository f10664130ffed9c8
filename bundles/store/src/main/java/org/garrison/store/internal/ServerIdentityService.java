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
import org.garrison.api.store.StoreException;
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

    private final Transactions transactions;
    private final Clock clock = Clock.systemUTC();
    private final Instant startedAt;
    private final String version;
    private volatile Installation installation;

    /**
     * Reads or creates the installation record right away, but a failure (e.g. a lock timeout while other bundles
     * still migrate their schemas) does not fail the component: the record is read again on the next call.
     */
    @Activate
    public ServerIdentityService(BundleContext context, @Reference Transactions transactions,
            @Reference(target = "(" + MigratedSchema.SCHEMA_PROPERTY + "=store)") MigratedSchema schema) {
        this.transactions = transactions;
        this.version = context.getBundle().getHeaders("").get("Garrison-Version");
        this.startedAt = ProcessHandle.current().info().startInstant().orElseGet(clock::instant);
        try {
            installation();
        } catch (StoreException e) {
            LOG.warn("Could not read the installation record yet, will retry on next use: {}", e.getMessage());
        }
    }

    private Installation installation() {
        Installation known = installation;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (installation == null) {
                installation = load();
                if (installation.created()) {
                    LOG.info("New Garrison installation {} created", installation.id());
                }
            }
            return installation;
        }
    }

    private Installation load() {
        return transactions.inTransaction(connection -> {
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
    }

    @Override
    public UUID id() {
        return installation().id();
    }

    @Override
    public Instant installedAt() {
        return installation().installedAt();
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
