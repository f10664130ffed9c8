package org.garrison.gateway.internal.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.garrison.api.store.StoreException;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    private final List<List<String>> commits = new ArrayList<>();
    private final Map<String, RuntimeException> failed = new ConcurrentHashMap<>();

    private GroupCommit<String> groupCommit(GroupCommit.Store<String> store) {
        return new GroupCommit<>("test-writer", 0, 100, 1000, job -> 1, store, failed::put);
    }

    @Test
    void aDeadlockVictimIsStoredAgainWholeAndNobodyFails() {
        int[] attempts = {0};
        GroupCommit<String> writer = groupCommit(jobs -> {
            if (attempts[0]++ < 2) {
                throw new StoreException("deadlock", new SQLException("A lock could not be obtained due to a deadlock",
                        "40001"));
            }
            commits.add(jobs);
        });
        writer.write(List.of("a", "b", "c"));
        assertEquals(List.of(List.of("a", "b", "c")), commits);
        assertEquals(Map.of(), failed);
    }

    @Test
    void anotherFailureSplitsTheGroupSoOnlyTheBadJobFails() {
        RuntimeException bad = new IllegalStateException("bad job");
        GroupCommit<String> writer = groupCommit(jobs -> {
            if (jobs.contains("b")) {
                throw bad;
            }
            commits.add(jobs);
        });
        writer.write(List.of("a", "b", "c"));
        assertEquals(List.of(List.of("a"), List.of("c")), commits);
        assertSame(bad, failed.get("b"));
        assertEquals(1, failed.size());
    }

    @Test
    void aTransientFailureThatPersistsFailsTheJobAfterTheLastAttempt() {
        int[] attempts = {0};
        GroupCommit<String> writer = groupCommit(jobs -> {
            attempts[0]++;
            throw new StoreException("lock timeout", new SQLException("A lock could not be obtained", "40XL1"));
        });
        writer.write(List.of("a"));
        assertEquals(GroupCommit.TRANSIENT_ATTEMPTS, attempts[0]);
        assertEquals(1, failed.size());
    }
}
