package org.garrison.events.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.garrison.api.data.DataItem;
import org.garrison.api.data.DataOrigin;
import org.junit.jupiter.api.Test;

class EventsDataInventoryTest {

    @Test
    void everyKindOfEventStatesTheRetentionInForce() {
        List<DataItem> items = new EventsDataInventory(250_000, 14).dataItems();

        for (DataItem item : items) {
            assertTrue(item.retention().startsWith("the newest 250,000 events of all kinds together, none older than "
                    + "14 days"), item.retention());
            assertTrue(item.storage().startsWith("EVENT_LOG"), item.storage());
        }
    }

    @Test
    void eventsAreListedByWhereTheyComeFrom() {
        List<DataItem> items = new EventsDataInventory(400_000, 30).dataItems();

        assertEquals(Set.of(DataOrigin.AGENT, DataOrigin.APPLICATION, DataOrigin.SERVER),
                items.stream().map(DataItem::source).collect(Collectors.toSet()));
        assertEquals(List.of("event.application-events"),
                items.stream().filter(DataItem::personal).map(DataItem::id).toList());
    }
}
