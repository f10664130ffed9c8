package org.garrison.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.garrison.api.data.DataItem;
import org.junit.jupiter.api.Test;

class AuditDataInventoryTest {

    @Test
    void theAuditLogsRetentionIsTheConfiguredOne() {
        AuditDataInventory inventory = new AuditDataInventory(250_000, 90);

        assertTrue(retentionOfTheLog(inventory.dataItems()).startsWith("the newest 250,000 entries, none older "
                + "than 90 days"), retentionOfTheLog(inventory.dataItems()));
    }

    @Test
    void everyItemIsCoreAndTellsWhereAndHowLong() {
        List<DataItem> items = new AuditDataInventory(1_000_000, 365).dataItems();

        assertEquals(List.of("audit.revision-history", "audit.deleted-objects", "audit.audit-log"),
                items.stream().map(DataItem::id).toList());
        for (DataItem item : items) {
            assertEquals("core", item.owner());
            assertTrue(item.storage().startsWith("AUDIT_"), item.storage());
            assertTrue(item.personal(), item.id() + " names the actors");
            assertTrue(item.retention() != null && !item.retention().isBlank(), item.id());
        }
    }

    private static String retentionOfTheLog(List<DataItem> items) {
        return items.stream().filter(item -> item.id().equals("audit.audit-log")).findFirst().orElseThrow()
                .retention();
    }
}
