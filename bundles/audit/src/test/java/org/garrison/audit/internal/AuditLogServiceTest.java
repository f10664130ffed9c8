package org.garrison.audit.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.garrison.api.Actor;
import org.garrison.api.ActorKind;
import org.garrison.api.Cursor;
import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.audit.AuditEntry;
import org.garrison.api.audit.AuditQuery;
import org.garrison.api.error.ValidationException;
import org.garrison.api.store.SqlAction;
import org.garrison.api.store.SqlWork;
import org.garrison.api.store.StoreException;
import org.garrison.api.store.Transactions;
import org.garrison.store.internal.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditLogServiceTest {

    private static final Actor ALICE = new Actor(ActorKind.ACCOUNT, "a-1", "alice");
    private static final Actor BOB = new Actor(ActorKind.API_TOKEN, "t-2", "bob's token");
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00.123456Z");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private Transactions database;
    private AuditLogService log;
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void database() throws Exception {
        database = TestDatabase.withSchema("audit", "db/audit.sql", getClass().getClassLoader()).transactions();
        log = new AuditLogService(database, 100, warnings::add);
    }

    @AfterEach
    void close() {
        log.deactivate();
    }

    @Test
    void recordedEntriesAreListedNewestFirstAndPagedByKeyset() {
        log.start();
        for (int i = 0; i < 5; i++) {
            log.record(entry(T0.plusSeconds(i), ALICE, "POST /groups", "administration-group", "g" + i, 201));
        }
        Page<AuditEntry> first = log.query(AuditQuery.all(), new PageRequest(2, null));
        assertEquals(List.of("g4", "g3"), objectIds(first));
        assertNull(first.total());
        Page<AuditEntry> second = log.query(AuditQuery.all(), PageRequest.of(2, first.nextCursor()));
        assertEquals(List.of("g2", "g1"), objectIds(second));
        Page<AuditEntry> last = log.query(AuditQuery.all(), PageRequest.of(2, second.nextCursor()));
        assertEquals(List.of("g0"), objectIds(last));
        assertNull(last.nextCursor());

        AuditEntry read = first.items().get(0);
        assertNotNull(read.id());
        assertEquals(T0.plusSeconds(4), read.at());
        assertEquals(ALICE, read.actor());
        assertEquals("POST /groups", read.action());
        assertEquals("203.0.113.7", read.remoteAddress());
        assertEquals(201, read.status());
        assertEquals("success", read.outcome());
    }

    @Test
    void entriesOfTheSameInstantPageWithoutLossOrRepetition() {
        log.start();
        for (int i = 0; i < 7; i++) {
            log.record(entry(T0, ALICE, "PUT /me/settings", "", "e" + i, 204));
        }
        List<String> seen = new ArrayList<>();
        Page<AuditEntry> page = log.query(AuditQuery.all(), new PageRequest(3, null));
        seen.addAll(objectIds(page));
        while (page.hasMore()) {
            page = log.query(AuditQuery.all(), PageRequest.of(3, page.nextCursor()));
            seen.addAll(objectIds(page));
        }
        assertEquals(7, seen.size());
        assertEquals(7, seen.stream().distinct().count());
    }

    @Test
    void filtersCombine() {
        log.start();
        log.record(entry(T0, ALICE, "POST /devices/{id}/tags", "device", "d1", 200));
        log.record(entry(T0.plusSeconds(1), BOB, "DELETE /devices/{id}", "device", "d1", 403));
        log.record(entry(T0.plusSeconds(2), ALICE, "DELETE /devices/{id}", "device", "d2", 404));
        log.record(entry(T0.plusSeconds(3), ALICE, "sign-in", "", "", 401));
        log.record(entry(T0.plusSeconds(4), ALICE, "POST /groups", "administration-group", "d1", 500));

        assertEquals(List.of("d2", "d1", "d1"),
                objectIds(query(new AuditQuery(null, null, null, "device", null, null))));
        assertEquals(List.of("d1", "d1"), objectIds(query(new AuditQuery(null, null, null, "device", "d1", null))));
        assertEquals(List.of("d1"), objectIds(query(new AuditQuery(null, null, "t-2", null, null, null))));
        assertEquals(List.of("sign-in", "DELETE /devices/{id}"),
                actions(query(new AuditQuery(null, null, null, null, null, "denied"))));
        assertEquals(List.of("DELETE /devices/{id}"),
                actions(query(new AuditQuery(null, null, null, null, null, "refused"))));
        assertEquals(List.of("POST /groups"), actions(query(new AuditQuery(null, null, null, null, null, "failed"))));
        assertEquals(List.of("sign-in", "DELETE /devices/{id}", "DELETE /devices/{id}"),
                actions(query(new AuditQuery(T0.plusSeconds(1), T0.plusSeconds(4), null, null, null, null))));
        assertEquals(List.of("DELETE /devices/{id}"),
                actions(query(new AuditQuery(T0.plusSeconds(1), null, "a-1", "device", null, null))));
        assertEquals(List.of(), actions(query(new AuditQuery(null, T0, null, null, null, null))));
    }

    @Test
    void theExportStreamsEveryMatchingEntryNewestFirstAcrossChunks() {
        log = new AuditLogService(database, 5000, warnings::add);
        log.start();
        int count = AuditLogService.EXPORT_CHUNK * 2 + 3;
        for (int i = 0; i < count; i++) {
            log.record(entry(T0.plusMillis(i), i % 2 == 0 ? ALICE : BOB, "POST /events", "", Integer.toString(i),
                    200));
        }
        List<AuditEntry> exported = new ArrayList<>();
        assertEquals(count, log.export(AuditQuery.all(), exported::add));
        assertEquals(count, exported.size());
        assertEquals(Integer.toString(count - 1), exported.get(0).objectId());
        assertEquals("0", exported.get(count - 1).objectId());
        List<AuditEntry> alices = new ArrayList<>();
        assertEquals((count + 1) / 2, log.export(new AuditQuery(null, null, "a-1", null, null, null), alices::add));
        assertTrue(alices.stream().allMatch(e -> e.actor().equals(ALICE)));
    }

    @Test
    void aListingSeesWhatWasRecordedJustBefore() {
        log.start();
        log.record(entry(T0, ALICE, "POST /groups", "administration-group", "g", 201));
        assertEquals(1, log.query(AuditQuery.all(), PageRequest.first()).items().size());
    }

    @Test
    void aFullQueueDropsEntriesAndWarnsWithTheirCount() {
        log = new AuditLogService(database, 3, warnings::add);
        for (int i = 0; i < 5; i++) {
            log.record(entry(T0.plusSeconds(i), ALICE, "POST /groups", "", Integer.toString(i), 201));
        }
        log.start();
        assertTrue(log.awaitWritten(WAIT));
        assertEquals(List.of("2", "1", "0"), objectIds(query(AuditQuery.all())));
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("dropped 2 entries"), warnings.get(0));
    }

    @Test
    void aDatabaseFailureNeverReachesTheCaller() {
        log = new AuditLogService(new FailingTransactions(), 100, warnings::add);
        log.start();
        assertDoesNotThrow(() -> log.record(entry(T0, ALICE, "POST /groups", "", "", 201)));
        assertTrue(log.awaitWritten(WAIT), "the writer gives the batch up after its attempts");
    }

    @Test
    void closingStoresWhatIsQueuedAndDropsWhatComesAfter() {
        log.start();
        for (int i = 0; i < 50; i++) {
            log.record(entry(T0.plusSeconds(i), ALICE, "POST /groups", "", Integer.toString(i), 201));
        }
        log.deactivate();
        log.record(entry(T0.plusSeconds(60), ALICE, "POST /groups", "", "late", 201));
        log.deactivate();
        AuditLogService reader = new AuditLogService(database, 10, warnings::add);
        assertEquals(50, reader.export(AuditQuery.all(), e -> { }));
        assertTrue(warnings.stream().anyMatch(w -> w.contains("dropped 1 entries")), warnings.toString());
    }

    @Test
    void overlongValuesAreCutToFitAndMissingOutcomesFollowTheStatus() {
        log.start();
        String longText = "x".repeat(1000);
        log.record(new AuditEntry(null, T0, new Actor(ActorKind.ACCOUNT, longText, longText), longText, longText,
                longText, longText, 70000, null));
        AuditEntry read = query(AuditQuery.all()).items().get(0);
        assertEquals(255, read.action().length());
        assertEquals(64, read.objectType().length());
        assertEquals(255, read.objectId().length());
        assertEquals(255, read.remoteAddress().length());
        assertEquals(255, read.actor().name().length());
        assertEquals(999, read.status());
        assertEquals("failed", read.outcome());
    }

    @Test
    void aCursorOfAnotherListingIsRefused() {
        log.start();
        assertThrows(ValidationException.class,
                () -> log.query(AuditQuery.all(), new PageRequest(1, Cursor.after("7"))));
        assertThrows(ValidationException.class,
                () -> log.query(AuditQuery.all(), new PageRequest(1, Cursor.after("yesterday", "x"))));
    }

    private Page<AuditEntry> query(AuditQuery query) {
        return log.query(query, PageRequest.first());
    }

    static AuditEntry entry(Instant at, Actor actor, String action, String objectType, String objectId, int status) {
        return new AuditEntry(null, at, actor, action, objectType, objectId, "203.0.113.7", status, null);
    }

    private static List<String> objectIds(Page<AuditEntry> page) {
        return page.items().stream().map(AuditEntry::objectId).toList();
    }

    private static List<String> actions(Page<AuditEntry> page) {
        return page.items().stream().map(AuditEntry::action).toList();
    }

    /** A database that is down. */
    private static final class FailingTransactions implements Transactions {

        @Override
        public <T> T inTransaction(SqlWork<T> work) {
            throw new StoreException("the database is down", null);
        }

        @Override
        public void runInTransaction(SqlAction action) {
            throw new StoreException("the database is down", null);
        }

        @Override
        public void afterCompletion(Runnable callback) {
            callback.run();
        }
    }
}
