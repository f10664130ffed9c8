package org.garrison.sessions.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.garrison.api.data.DataItem;
import org.junit.jupiter.api.Test;

class SessionsDataInventoryTest {

    private final List<DataItem> items = new SessionsDataInventory(new SessionsDataInventory.Lifetimes(20, 8, 5, 30))
            .dataItems();

    @Test
    void sessionsLiveAsLongAsTheConfiguredTimeouts() {
        String retention = retention("session.console-sessions");
        assertTrue(retention.contains("20 minutes without a request") && retention.contains("8 hours after sign-in"),
                retention);
    }

    @Test
    void tokensAndFailuresStateTheirConfiguredLifetimes() {
        assertTrue(retention("session.api-tokens").contains("at most 30 days"), retention("session.api-tokens"));
        assertTrue(retention("session.sign-in-failures").startsWith("5 minutes after"),
                retention("session.sign-in-failures"));
    }

    @Test
    void everythingStoredPerCallerIsPersonal() {
        assertTrue(items.stream().allMatch(DataItem::personal));
    }

    private String retention(String id) {
        return items.stream().filter(item -> item.id().equals(id)).findFirst().orElseThrow().retention();
    }
}
