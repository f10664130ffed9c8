package org.garrison.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.garrison.api.Actor;
import org.garrison.api.audit.AuditEntry;
import org.garrison.api.audit.AuditQuery;
import org.garrison.api.store.Transactions;
import org.garrison.store.internal.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditLogRetentionTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private Transactions database;
    private AuditLogService log;

    @BeforeEach
    void database() throws Exception {
        database = TestDatabase.withSchema("audit", "db/audit.sql", getClass().getClassLoader()).transactions();
        log = new AuditLogService(database, 1000, warning -> { });
        log.start();
    }

    @AfterEach
    void close() {
        log.deactivate();
    }

    @Test
    void theOldestEntriesBeyondTheLimitGoInSmallTransactions() {
        record(10, NOW.minus(Duration.ofDays(1)));
        AuditLogRetention retention = retention(config(365, 4, 2));
        AuditLogRetention.Removal removal = retention.run();
        assertEquals(6, removal.beyondCount());
        assertEquals(0, removal.tooOld());
        // three full blocks, an empty one that ends the count, one for the age
        assertEquals(3 + 1 + 1, removal.transactions());
        assertEquals(List.of("9", "8", "7", "6"), remaining());
    }

    @Test
    void entriesOlderThanTheMaximumAgeGo() {
        record(5, NOW.minus(Duration.ofDays(40)));
        record(3, NOW.minus(Duration.ofDays(10)));
        AuditLogRetention.Removal removal = retention(config(30, 1000, 2)).run();
        assertEquals(0, removal.beyondCount());
        assertEquals(5, removal.tooOld());
        assertEquals(3, remaining().size());
    }

    @Test
    void bothLimitsApplyInOnePass() {
        record(5, NOW.minus(Duration.ofDays(40)));
        record(5, NOW.minus(Duration.ofDays(10)));
        AuditLogRetention.Removal removal = retention(config(30, 7, 1000)).run();
        assertEquals(3, removal.beyondCount());
        assertEquals(2, removal.tooOld());
        assertEquals(5, remaining().size());
    }

    @Test
    void entriesOfTheSameInstantAreRemovedInListingOrderAcrossBlocks() {
        Instant old = NOW.minus(Duration.ofDays(3));
        for (int i = 0; i < 7; i++) {
            log.record(new AuditEntry(null, old, Actor.system("test"), "POST /x", "", Integer.toString(i), "", 200,
                    null));
        }
        log.awaitWritten(WAIT);
        List<String> newestThree = remaining().subList(0, 3);
        AuditLogRetention.Removal beyond = retention(config(365, 3, 2)).run();
        assertEquals(4, beyond.beyondCount());
        assertEquals(newestThree, remaining());
        AuditLogRetention.Removal aged = retention(config(1, 1000, 2)).run();
        assertEquals(3, aged.tooOld());
        assertEquals(List.of(), remaining());
    }

    @Test
    void anEmptyLogIsLeftAsItIs() {
        assertEquals(0, retention(config(1, 1, 10)).run().total());
    }

    private AuditLogRetention retention(AuditLogConfig config) {
        return new AuditLogRetention(database, config, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** Entries "0", "1", ... one millisecond apart, starting at {@code from}; numbering continues across calls. */
    private void record(int count, Instant from) {
        int start = remaining().size();
        for (int i = 0; i < count; i++) {
            log.record(new AuditEntry(null, from.plusMillis(i), Actor.system("test"), "POST /x", "",
                    Integer.toString(start + i), "", 200, null));
        }
        log.awaitWritten(WAIT);
    }

    private List<String> remaining() {
        List<String> ids = new ArrayList<>();
        log.export(AuditQuery.all(), entry -> ids.add(entry.objectId()));
        return ids;
    }

    private static AuditLogConfig config(int maxAgeDays, long maxEntries, int batchSize) {
        return new AuditLogConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return AuditLogConfig.class;
            }

            @Override
            public int maxAgeDays() {
                return maxAgeDays;
            }

            @Override
            public long maxEntries() {
                return maxEntries;
            }

            @Override
            public int retentionBatchSize() {
                return batchSize;
            }
        };
    }
}
