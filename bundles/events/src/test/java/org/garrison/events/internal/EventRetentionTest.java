package org.garrison.events.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.garrison.api.PageRequest;
import org.garrison.api.event.Event;
import org.garrison.api.event.EventQuery;
import org.garrison.api.event.EventSeverity;
import org.garrison.api.event.NewEvent;
import org.junit.jupiter.api.Test;

class EventRetentionTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private final CountedTransactions database = new CountedTransactions();
    private final EventRepository repository = database.repository();
    private final EventLogService service = new EventLogService(repository, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void eventsBeyondTheLimitAreRemovedOldestFirstInSmallTransactions() {
        store(23, Duration.ofMinutes(1));
        EventRetention retention = retention(10, 30, 4);
        int before = database.transactions.get();
        EventRetention.Removal removal = retention.run();
        assertEquals(removal.transactions() + 1, database.transactions.get() - before, "deletions and one count");
        assertEquals(13, removal.beyondCount());
        assertEquals(0, removal.tooOld());
        // 4 + 4 + 4 + 1 beyond the limit, then one age pass finding nothing
        assertEquals(5, removal.transactions());
        assertEquals(10, repository.count());
        List<Event> kept = service.query(EventQuery.all(), new PageRequest(100, null)).items();
        assertEquals(NOW, kept.get(0).occurredAt(), "the newest are kept");
        assertEquals(NOW.minus(Duration.ofMinutes(9)), kept.get(9).occurredAt());
    }

    @Test
    void eventsOlderThanTheAgeAreRemovedInBatches() {
        store(20, Duration.ofDays(1));
        EventRetention.Removal removal = retention(1000, 7, 3).run();
        assertEquals(0, removal.beyondCount());
        assertEquals(12, removal.tooOld());
        // 3 + 3 + 3 + 3 and a last one that finds fewer than 3
        assertEquals(5, removal.transactions());
        assertEquals(8, repository.count());
    }

    @Test
    void eventsSharingATimeAreRemovedExactlyUpToTheLimit() {
        List<NewEvent> same = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            same.add(NewEvent.of(NOW, null, "core", "x", EventSeverity.INFO, ""));
        }
        service.ingest(same);
        retention(4, 30, 2).run();
        assertEquals(4, repository.count());
    }

    @Test
    void nothingToRemoveCostsOneCheck() {
        store(3, Duration.ofMinutes(1));
        EventRetention.Removal removal = retention(10, 30, 100).run();
        assertEquals(0, removal.total());
        assertEquals(1, removal.transactions());
    }

    private void store(int count, Duration step) {
        List<NewEvent> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batch.add(NewEvent.of(NOW.minus(step.multipliedBy(i)), null, "core", "x", EventSeverity.INFO, "#" + i));
        }
        service.ingest(batch);
    }

    private EventRetention retention(long maxEvents, int maxAgeDays, int batchSize) {
        EventsConfig config = new EventsConfig() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return EventsConfig.class;
            }

            @Override
            public long maxEvents() {
                return maxEvents;
            }

            @Override
            public int maxAgeDays() {
                return maxAgeDays;
            }

            @Override
            public int retentionIntervalSeconds() {
                return 600;
            }

            @Override
            public int retentionBatchSize() {
                return batchSize;
            }
        };
        return new EventRetention(repository, config, Clock.fixed(NOW, ZoneOffset.UTC));
    }
}
