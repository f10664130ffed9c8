package org.garrison.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.changelog.FastCheckService;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.DerbyDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.lockservice.DatabaseChangeLogLock;
import liquibase.lockservice.LockService;
import liquibase.lockservice.LockServiceFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;
import liquibase.util.NetUtil;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one schema's Liquibase changelog, read through the owning bundle's class loader, with history and lock
 * tables of that schema's own.
 */
final class LiquibaseMigrator {

    private static final Logger LOG = LoggerFactory.getLogger(LiquibaseMigrator.class);

    private final DataSource dataSource;

    LiquibaseMigrator(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * @throws MigrationException with a message for the admin when the changelog is missing or a change set fails
     */
    @SuppressWarnings("deprecation") // Liquibase's command API needs its own service loading; update(...) does not
    void migrate(MigrationPlan schema, ClassLoader bundleLoader) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Liquibase.class.getClassLoader());
        try (Connection connection = dataSource.getConnection()) {
            if (bundleLoader.getResource(schema.changelog()) == null) {
                throw new MigrationException("Changelog " + schema.changelog() + " is missing from the bundle");
            }
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            database.setDatabaseChangeLogTableName(schema.historyTable());
            database.setDatabaseChangeLogLockTableName(schema.lockTable());
            releaseStaleLock(schema, database);
            Liquibase liquibase = new Liquibase(schema.changelog(), new ClassLoaderResourceAccessor(bundleLoader),
                    database);
            // Liquibase remembers "up to date" per URL and changelog path for the life of the JVM; after a bundle
            // upgrade the same path holds new change sets, so that memory must not be trusted
            Scope.getCurrentScope().getSingleton(FastCheckService.class).clearCache();
            try {
                // Liquibase prints progress and a summary to standard output unless told to use its logger
                Scope.child(Map.of(Scope.Attr.ui.name(), new LoggerUIService(),
                                "liquibase.command.showSummaryOutput", "LOG"),
                        () -> liquibase.update(new Contexts(), new LabelExpression()));
            } finally {
                // Liquibase leaves the connection in manual-commit mode with its last read open
                if (!connection.getAutoCommit()) {
                    connection.commit();
                    connection.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new MigrationException("Cannot reach the database: " + e.getMessage(), e);
        } catch (MigrationException e) {
            throw e;
        } catch (Exception e) {
            // Scope.child declares Exception; what arrives here is Liquibase's failure to apply a change set
            throw new MigrationException(rootMessage(e), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Frees the schema's change log lock when the process that took it is gone: a server stopped or killed during a
     * migration leaves the lock row set, and Liquibase would wait minutes for it on the next start. Migrations run
     * one at a time on one thread of this process, so a lock held by this host is always stale. Embedded Derby is
     * open in this process only, so any lock there is this host's; on PostgreSQL a lock of another node is left
     * alone, since that node may be migrating now.
     */
    private static void releaseStaleLock(MigrationPlan schema, Database database) throws LiquibaseException {
        LockService locks = LockServiceFactory.getInstance().getLockService(database);
        for (DatabaseChangeLogLock lock : locks.listLocks()) {
            String owner = lock.getLockedBy() == null ? "" : lock.getLockedBy();
            if (database instanceof DerbyDatabase || isThisHost(owner)) {
                LOG.warn("Schema '{}': releasing the migration lock left by an interrupted run ({}, since {})",
                        schema.name(), owner, lock.getLockGranted());
                locks.forceReleaseLock();
                return;
            }
        }
    }

    private static boolean isThisHost(String lockedBy) {
        return lockedBy.startsWith(NetUtil.getLocalHostName())
                && lockedBy.endsWith("(" + NetUtil.getLocalHostAddress() + ")");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == e ? message : e.getMessage() + " (" + message + ")";
    }

    /** A schema could not be migrated; the message is meant for the admin. */
    static final class MigrationException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        MigrationException(String message) {
            super(message);
        }

        MigrationException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
