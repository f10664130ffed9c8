package org.garrison.gateway.internal.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SyncPacingTest {

    @Test
    void anIdleGatewaySpreadsTheIntervalByTheJitterEitherWay() {
        assertEquals(300, SyncPacing.nextSyncIn(300, 20, 0, 0));
        assertEquals(240, SyncPacing.nextSyncIn(300, 20, 0, -1));
        assertEquals(360, SyncPacing.nextSyncIn(300, 20, 0, 1));
    }

    @Test
    void aBusyGatewayStretchesTheIntervalUpToThreeTimes() {
        assertEquals(600, SyncPacing.nextSyncIn(300, 20, 0.5, 0));
        assertEquals(900, SyncPacing.nextSyncIn(300, 20, 1, 0));
        assertEquals(900, SyncPacing.nextSyncIn(300, 20, 7, 0), "load is capped");
    }

    @Test
    void noAnswerAsksForASyncSoonerThanTenSeconds() {
        assertEquals(SyncPacing.MIN_SECONDS, SyncPacing.nextSyncIn(10, 50, 0, -1));
    }
}
