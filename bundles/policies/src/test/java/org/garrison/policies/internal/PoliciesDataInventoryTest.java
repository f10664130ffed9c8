package org.garrison.policies.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.garrison.api.data.DataItem;
import org.garrison.api.data.DataOrigin;
import org.junit.jupiter.api.Test;

class PoliciesDataInventoryTest {

    @Test
    void policiesAsAdminsSetThemArePersonalAndTheirCheckResultsAreTheServers() {
        List<DataItem> items = new PoliciesDataInventory().dataItems();
        assertEquals(List.of("policy.settings", "policy.schema-check"), items.stream().map(DataItem::id).toList());
        assertEquals(List.of(DataOrigin.ADMIN, DataOrigin.SERVER), items.stream().map(DataItem::source).toList());
        assertEquals(List.of("policy.settings"), items.stream().filter(DataItem::personal).map(DataItem::id).toList());
        assertTrue(items.stream().allMatch(item -> item.storage().startsWith("POLICIES_POLICY")
                && item.owner().equals(DataItem.CORE) && !item.encrypted()));
    }
}
