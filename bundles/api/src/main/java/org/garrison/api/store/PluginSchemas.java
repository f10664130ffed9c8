package org.garrison.api.store;

import java.util.Collection;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Migrates and purges the own tables of plugins, on the plugin extender's request. Core bundles declare
 * {@value MigratedSchema#HEADER} and are migrated whenever they start; a plugin's changelog runs only once the
 * extender has accepted the plugin (valid descriptor, compatible server, unique id), so a refused plugin never
 * touches the database.
 *
 * <p>Each plugin has a Liquibase history table and lock table of its own, named after its id, so its change sets
 * never mix with another plugin's or the core's.
 */
@ProviderType
public interface PluginSchemas {

    /**
     * Brings a plugin's tables up to date with its changelog, now, on the calling thread.
     *
     * @param pluginId    the plugin id (lower-case words joined by dashes); names the history tables
     * @param changelog   the changelog's path, read through {@code classLoader}
     * @param classLoader the plugin bundle's class loader
     * @return the schema's state afterwards: {@link SchemaState#READY}, or {@link SchemaState#FAILED} with a message
     *         for the admin (e.g. the failing change set and the database's error)
     */
    SchemaStatus migrate(String pluginId, String changelog, ClassLoader classLoader);

    /**
     * Drops a plugin's tables and its migration history, when an admin purges the plugin. Tables that do not exist
     * (any more) are skipped; foreign keys between the plugin's tables are dropped first.
     *
     * @param pluginId the plugin id
     * @param tables   the plugin's tables, as its changelog creates them
     * @return the tables dropped, history tables included
     */
    List<String> purge(String pluginId, Collection<String> tables);
}
