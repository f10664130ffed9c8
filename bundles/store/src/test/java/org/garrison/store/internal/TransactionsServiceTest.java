package org.garrison.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.garrison.api.error.ConflictException;
import org.garrison.api.store.StoreException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransactionsServiceTest {

    private EmbeddedDataSource dataSource;
    private TransactionsService transactions;

    @BeforeEach
    void createDatabase() throws SQLException {
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:tx" + System.nanoTime());
        dataSource.setCreateDatabase("create");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE T (V INT NOT NULL PRIMARY KEY)");
        }
        transactions = new TransactionsService(dataSource);
    }

    @Test
    void workThatReturnsIsCommitted() {
        int inserted = transactions.inTransaction(c -> c.createStatement().executeUpdate("INSERT INTO T VALUES (1)"));
        assertEquals(1, inserted);
        assertEquals(1, count());
    }

    @Test
    void aDomainExceptionRollsBackAndReachesTheCallerUnchanged() {
        ConflictException conflict = new ConflictException("taken");
        ConflictException thrown = assertThrows(ConflictException.class, () -> transactions.runInTransaction(c -> {
            c.createStatement().executeUpdate("INSERT INTO T VALUES (1)");
            throw conflict;
        }));
        assertSame(conflict, thrown);
        assertEquals(0, count());
    }

    @Test
    void anSqlFailureRollsBackEverythingAndBecomesAStoreException() {
        StoreException e = assertThrows(StoreException.class, () -> transactions.runInTransaction(c -> {
            c.createStatement().executeUpdate("INSERT INTO T VALUES (1)");
            c.createStatement().executeUpdate("INSERT INTO T VALUES (1)");
        }));
        assertEquals("23505", e.sqlState());
        assertEquals(0, count());
    }

    @Test
    void nestedCallsJoinTheOuterTransaction() {
        assertThrows(IllegalStateException.class, () -> transactions.runInTransaction(outer -> {
            outer.createStatement().executeUpdate("INSERT INTO T VALUES (1)");
            transactions.runInTransaction(inner -> {
                assertSame(outer, inner);
                inner.createStatement().executeUpdate("INSERT INTO T VALUES (2)");
            });
            throw new IllegalStateException("outer fails after inner returned");
        }));
        assertEquals(0, count());
    }

    @Test
    void aConnectionIsReturnedInAutoCommitModeAfterUse() throws SQLException {
        transactions.runInTransaction(c -> c.createStatement().executeUpdate("INSERT INTO T VALUES (3)"));
        try (Connection c = dataSource.getConnection()) {
            assertEquals(true, c.getAutoCommit());
        }
    }

    @Test
    void completionCallbacksRunOnceTheOutermostTransactionHasEndedEitherWay() {
        java.util.List<String> seen = new java.util.ArrayList<>();
        transactions.runInTransaction(outer -> {
            transactions.runInTransaction(inner -> transactions.afterCompletion(() -> seen.add("committed:" + count())));
            outer.createStatement().executeUpdate("INSERT INTO T VALUES (7)");
            assertEquals(java.util.List.of(), seen);
        });
        assertThrows(IllegalStateException.class, () -> transactions.runInTransaction(c -> {
            c.createStatement().executeUpdate("INSERT INTO T VALUES (8)");
            transactions.afterCompletion(() -> seen.add("rolled back:" + count()));
            throw new IllegalStateException("fails");
        }));
        transactions.afterCompletion(() -> seen.add("outside"));
        assertEquals(java.util.List.of("committed:1", "rolled back:1", "outside"), seen);
    }

    private int count() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM T")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
