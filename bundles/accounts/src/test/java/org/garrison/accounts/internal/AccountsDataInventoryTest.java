package org.garrison.accounts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.garrison.api.data.DataItem;
import org.junit.jupiter.api.Test;

class AccountsDataInventoryTest {

    private final List<DataItem> items = new AccountsDataInventory(3).dataItems();

    @Test
    void theConfiguredNumberOfOldPasswordHashesIsStated() {
        assertTrue(item("account.password-history").retention().startsWith("the latest 3 of each account"),
                item("account.password-history").retention());
    }

    @Test
    void thePersonalFieldsAndSecondFactorSecretsAreDeclaredEncrypted() {
        assertEquals(List.of("account.description", "account.email", "account.full-name", "account.login",
                "account.phone", "account.second-factor"),
                items.stream().filter(DataItem::encrypted).map(DataItem::id).sorted().toList());
    }

    @Test
    void hashedValuesAreNotPassedOffAsEncrypted() {
        for (String id : List.of("account.password", "account.password-history", "account.recovery-codes")) {
            assertTrue(!item(id).encrypted() && item(id).description().contains("hash"), id);
        }
    }

    private DataItem item(String id) {
        return items.stream().filter(item -> item.id().equals(id)).findFirst().orElseThrow();
    }
}
