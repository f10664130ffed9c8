package org.garrison.store.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

import org.garrison.api.store.PluginSchemas;
import org.garrison.api.store.SchemaState;
import org.garrison.api.store.SchemaStatus;
import org.garrison.api.store.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Migrates and purges plugins' own tables for the plugin extender, with the same Liquibase migrator as the core's
 * schemas.
 */
@Component(service = PluginSchemas.class)
public class PluginSchemasService implements PluginSchemas {

    private static final Logger LOG = LoggerFactory.getLogger(PluginSchemasService.class);

    private final LiquibaseMigrator migrator;
    private final Transactions transactions;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public PluginSchemasService(
            @Reference(name = "dataSource", target = StoreDataSource.TARGET) DataSource dataSource,
            @Reference Transactions transactions) {
        this.migrator = new LiquibaseMigrator(dataSource);
        this.transactions = transactions;
    }

    @Override
    public SchemaStatus migrate(String pluginId, String changelog, ClassLoader classLoader) {
        PluginSchema schema;
        try {
            schema = new PluginSchema(pluginId, changelog);
        } catch (IllegalArgumentException e) {
            return status(pluginId, SchemaState.FAILED, e.getMessage());
        }
        long started = System.nanoTime();
        try {
            migrator.migrate(schema, classLoader);
            LOG.info("Tables of plugin {} are up to date ({} ms)", pluginId,
                    (System.nanoTime() - started) / 1_000_000);
            return status(pluginId, SchemaState.READY, null);
        } catch (LiquibaseMigrator.MigrationException e) {
            LOG.warn("Tables of plugin {} could not be migrated: {}", pluginId, e.getMessage());
            return status(pluginId, SchemaState.FAILED, e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            // e.g. the plugin was uninstalled while its changelog was being read
            LOG.warn("Tables of plugin {} could not be migrated", pluginId, e);
            return status(pluginId, SchemaState.FAILED, "Migration aborted: " + e);
        }
    }

    @Override
    public List<String> purge(String pluginId, Collection<String> tables) {
        PluginSchema schema = new PluginSchema(pluginId, PluginSchema.CHANGELOG);
        List<String> all = new ArrayList<>(tables);
        all.add(schema.historyTable());
        all.add(schema.lockTable());
        List<String> dropped = transactions.inTransaction(connection -> PluginTablesRepository.drop(connection, all));
        LOG.info("Purged plugin {}: dropped {}", pluginId, dropped);
        return dropped;
    }

    private SchemaStatus status(String pluginId, SchemaState state, String message) {
        return new SchemaStatus(pluginId, pluginId, state, message, clock.instant());
    }
}
