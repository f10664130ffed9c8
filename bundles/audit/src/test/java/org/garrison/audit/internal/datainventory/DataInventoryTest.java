package org.garrison.audit.internal.datainventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.garrison.api.data.DataInventoryProvider;
import org.garrison.api.data.DataItem;
import org.garrison.api.data.DataOrigin;
import org.junit.jupiter.api.Test;

class DataInventoryTest {

    private final DataInventory inventory = new DataInventory();

    @Test
    void itemsOfEveryProviderAreSortedByOwnerThenId() {
        inventory.addProvider(() -> List.of(item("core", "device.tags"), item("zz-plugin", "a.first")));
        inventory.addProvider(() -> List.of(item("core", "account.login"), item("antivirus", "threats")));

        assertEquals(List.of("antivirus/threats", "core/account.login", "core/device.tags", "zz-plugin/a.first"),
                keys(inventory.items(DataInventoryFilter.ALL)));
    }

    @Test
    void aRemovedProviderTakesItsItemsAlong() {
        DataInventoryProvider plugin = () -> List.of(item("antivirus", "threats"));
        inventory.addProvider(() -> List.of(item("core", "device.tags")));
        inventory.addProvider(plugin);
        assertEquals(2, inventory.items(DataInventoryFilter.ALL).size());

        inventory.removeProvider(plugin);

        assertEquals(List.of("core/device.tags"), keys(inventory.items(DataInventoryFilter.ALL)));
    }

    @Test
    void aFailingProviderIsLeftOutAndTheOthersAreListed() {
        inventory.addProvider(() -> {
            throw new IllegalStateException("broken plugin");
        });
        inventory.addProvider(() -> null);
        inventory.addProvider(() -> Arrays.asList(item("core", "device.tags"), null));

        assertEquals(List.of("core/device.tags"), keys(inventory.items(DataInventoryFilter.ALL)));
    }

    @Test
    void onlyMatchingItemsAreListed() {
        inventory.addProvider(() -> List.of(
                new DataItem("account.email", "core", "E-mail", null, DataOrigin.ADMIN, "T", true, true, "r"),
                new DataItem("event.log", "core", "Events", null, DataOrigin.AGENT, "T", false, false, "r"),
                new DataItem("threats", "antivirus", "Threats", null, DataOrigin.APPLICATION, "T", true, false, "r")));

        assertEquals(List.of("antivirus/threats", "core/account.email"),
                keys(inventory.items(new DataInventoryFilter(null, true, null))));
        assertEquals(List.of("core/event.log"),
                keys(inventory.items(new DataInventoryFilter("core", false, null))));
        assertEquals(List.of("antivirus/threats"),
                keys(inventory.items(new DataInventoryFilter(null, null, DataOrigin.APPLICATION))));
        assertEquals(List.of(), keys(inventory.items(new DataInventoryFilter("core", null, DataOrigin.APPLICATION))));
    }

    private static DataItem item(String owner, String id) {
        return new DataItem(id, owner, id, null, DataOrigin.SERVER, "TABLE", false, false, "forever");
    }

    private static List<String> keys(List<DataItem> items) {
        return items.stream().map(item -> item.owner() + "/" + item.id()).toList();
    }
}
