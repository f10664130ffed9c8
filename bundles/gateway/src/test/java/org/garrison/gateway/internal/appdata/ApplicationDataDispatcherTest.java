package org.garrison.gateway.internal.appdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.garrison.api.agent.ApplicationData;
import org.garrison.api.agent.ApplicationDataHandler;
import org.garrison.gateway.internal.server.AgentJson;
import org.garrison.gateway.internal.sync.MutableClock;
import org.garrison.gateway.internal.sync.TestBed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ApplicationDataDispatcherTest {

    private final TestBed bed = new TestBed();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));
    private final ApplicationDataRepository inbox = new ApplicationDataRepository(new AgentJson());
    private final ApplicationDataDispatcher dispatcher = new ApplicationDataDispatcher(bed.transactions, 7, clock);

    @AfterEach
    void stop() {
        dispatcher.deactivate();
    }

    private void receive(UUID device, String application, int count) {
        List<ApplicationData> data = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            data.add(new ApplicationData(application, "threats", clock.instant(), Map.of("n", i)));
        }
        bed.transactions.runInTransaction(c -> inbox.insert(c, device, data, clock.instant()));
    }

    /** A handler that records what it got in a table of the same transaction, and fails when told to. */
    private final class RecordingHandler implements ApplicationDataHandler {

        final List<Integer> seen = new ArrayList<>();
        final AtomicInteger failuresLeft = new AtomicInteger();

        @Override
        public void handle(UUID deviceId, List<ApplicationData> data) {
            bed.transactions.runInTransaction(c -> {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO HANDLED VALUES (?)")) {
                    for (ApplicationData item : data) {
                        insert.setInt(1, (Integer) item.data().get("n"));
                        insert.executeUpdate();
                    }
                }
            });
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("plugin database busy");
            }
            data.forEach(item -> seen.add((Integer) item.data().get("n")));
        }
    }

    @Test
    void dataIsHandedOverOnceInOrderEvenWhenTheHandlerFailsOnce() {
        bed.execute("CREATE TABLE HANDLED (N INT)");
        UUID device = UUID.randomUUID();
        receive(device, "endpoint-protection", 5);
        receive(UUID.randomUUID(), "device-control", 2);
        RecordingHandler handler = new RecordingHandler();
        handler.failuresLeft.set(1);
        dispatcher.addHandler(handler, Map.of(ApplicationDataHandler.APPLICATION, "endpoint-protection"));

        assertEquals(0, dispatcher.dispatch());
        assertTrue(dispatcher.pausing("endpoint-protection"));
        assertEquals(0, bed.count("HANDLED"), "the failed hand-over's writes were rolled back");
        assertEquals(7, bed.count("GATEWAY_APPLICATION_DATA"));
        assertEquals(0, dispatcher.dispatch(), "no retry before the pause ends");

        clock.advance(ApplicationDataDispatcher.FIRST_BACK_OFF.plusSeconds(1));
        assertEquals(5, dispatcher.dispatch());
        assertEquals(List.of(0, 1, 2, 3, 4), handler.seen);
        assertEquals(5, bed.count("HANDLED"));
        assertFalse(dispatcher.pausing("endpoint-protection"));
        assertEquals(2, bed.count("GATEWAY_APPLICATION_DATA"), "data without a handler waits");
        assertEquals(0, dispatcher.dispatch());
        assertEquals(5, bed.count("HANDLED"));
    }

    @Test
    void aDevicesRunsAreHandedOverSeparatelyAndInBoundedBatches() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        List<InboxRow> rows = new ArrayList<>();
        long id = 0;
        for (int i = 0; i < 150; i++) {
            rows.add(new InboxRow(++id, a, null));
        }
        rows.add(new InboxRow(++id, b, null));
        rows.add(new InboxRow(++id, a, null));
        List<List<InboxRow>> runs = ApplicationDataDispatcher.runsByDevice(rows);
        assertEquals(List.of(100, 50, 1, 1), runs.stream().map(List::size).toList());
    }

    @Test
    void oldDataWithoutAHandlerIsDeletedAndDataWithAHandlerIsKept() {
        receive(UUID.randomUUID(), "gone-plugin", 3);
        receive(UUID.randomUUID(), "endpoint-protection", 2);
        dispatcher.addHandler((device, data) -> {
            throw new IllegalStateException("always failing");
        }, Map.of(ApplicationDataHandler.APPLICATION, "endpoint-protection"));
        clock.advance(Duration.ofDays(6));
        receive(UUID.randomUUID(), "gone-plugin", 1);
        clock.advance(Duration.ofDays(2));

        assertEquals(3, dispatcher.purgeUnhandled());
        assertEquals(3, bed.count("GATEWAY_APPLICATION_DATA"));
    }

    @Test
    void aHandlerWithoutAnApplicationPropertyIsIgnored() {
        receive(UUID.randomUUID(), "endpoint-protection", 1);
        dispatcher.addHandler((device, data) -> {
            throw new AssertionError("not registered for any application");
        }, Map.of());
        assertEquals(0, dispatcher.dispatch());
    }
}
