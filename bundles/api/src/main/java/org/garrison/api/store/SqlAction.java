package org.garrison.api.store;

import java.sql.Connection;
import java.sql.SQLException;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Database work that produces no result. The connection belongs to the surrounding transaction: do not commit,
 * roll back or close it.
 */
@ConsumerType
@FunctionalInterface
public interface SqlAction {

    void run(Connection connection) throws SQLException;
}
