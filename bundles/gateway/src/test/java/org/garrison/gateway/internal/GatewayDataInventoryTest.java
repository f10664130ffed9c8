package org.garrison.gateway.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.garrison.api.data.DataItem;
import org.junit.jupiter.api.Test;

class GatewayDataInventoryTest {

    private final List<DataItem> items = new GatewayDataInventory(3).dataItems();

    @Test
    void applicationDataWithoutAPluginIsKeptForTheConfiguredDays() {
        String retention = item("gateway.application-data-inbox").retention();
        assertTrue(retention.contains("without a plugin, 3 days"), retention);
    }

    @Test
    void onlyTheAuthoritysPrivateKeyIsEncrypted() {
        assertEquals(List.of("gateway.certificate-authority"),
                items.stream().filter(DataItem::encrypted).map(DataItem::id).toList());
    }

    private DataItem item(String id) {
        return items.stream().filter(item -> item.id().equals(id)).findFirst().orElseThrow();
    }
}
