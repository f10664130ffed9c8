package org.garrison.store.internal;

/**
 * What {@link LiquibaseMigrator} needs to migrate one schema: its changelog and the names of its own history and
 * lock tables.
 */
interface MigrationPlan {

    /** The schema's name, for messages. */
    String name();

    /** The changelog's path, read through the owning bundle's class loader. */
    String changelog();

    /** The table recording which change sets ran (no underscore: Liquibase on Derby mishandles those). */
    String historyTable();

    /** The table Liquibase locks while it migrates, so two server nodes never migrate the same schema at once. */
    String lockTable();
}
