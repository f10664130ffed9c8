package org.garrison.plugins.devicecontrol.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.Cursor;
import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.error.ValidationException;
import org.garrison.api.store.Transactions;
import org.garrison.plugins.devicecontrol.internal.reports.Access;
import org.garrison.plugins.devicecontrol.internal.reports.ExternalDevice;
import org.garrison.plugins.devicecontrol.internal.store.ExternalDeviceRepository;
import org.garrison.plugins.devicecontrol.internal.store.ExternalDeviceSelection;
import org.garrison.store.internal.TestDatabase;
import org.garrison.testkit.InMemoryDevices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fleet listing restricted to groups, on the plugin's real table: blocked devices first, and pages that follow
 * each other without gaps or repeats, whatever share of the rows lies outside the caller's groups.
 */
class ExternalDeviceListingTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private static final UUID BERLIN = UUID.randomUUID();
    private static final UUID PARIS = UUID.randomUUID();
    private static final List<String> CLASSES = List.of("removable-storage", "printer", "imaging", "bluetooth");

    private Transactions transactions;
    private final InMemoryDevices devices = new InMemoryDevices();
    private ExternalDeviceListing listing;
    private final List<UUID> berlin = new ArrayList<>();
    private final List<UUID> paris = new ArrayList<>();

    @BeforeEach
    void externalDevices() throws Exception {
        transactions = TestDatabase.withSchema("devicecontrol", "GARRISON-INF/migrations/changelog.sql",
                getClass().getClassLoader()).transactions();
        listing = new ExternalDeviceListing(transactions, devices);
        ExternalDeviceRepository repository = new ExternalDeviceRepository();
        for (int d = 0; d < 10; d++) {
            // Paris has nine in ten devices: a Berlin admin's pages must skip over long runs of them
            UUID device = devices.add(d == 0 ? BERLIN : PARIS);
            (d == 0 ? berlin : paris).add(device);
            List<ExternalDevice> attached = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                // every other pair shares its time, so the tie-breakers are exercised
                Instant seen = T0.minusSeconds(i - i % 2);
                Access access = i % 5 == 0 ? Access.BLOCKED : i % 5 == 1 ? Access.READ_ONLY : Access.ALLOWED;
                attached.add(new ExternalDevice("dev-" + i, CLASSES.get(i % CLASSES.size()), "usb", "Device " + i,
                        "0781", "5581", null, access, "class-default", null, seen, seen));
            }
            transactions.runInTransaction(c -> repository.applySnapshot(c, device, attached, true));
        }
    }

    @Test
    void blockedDevicesComeFirstThenTheMostRecentlySeen() {
        List<ExternalDeviceView> all = allPages(new ExternalDeviceSelection(null, null, null, null), null, 7);
        assertEquals(150, all.size());
        assertEquals(150, new HashSet<>(all.stream().map(v -> v.deviceId() + "/" + v.instanceId()).toList()).size());
        List<String> accesses = all.stream().map(ExternalDeviceView::access).toList();
        assertEquals("blocked", accesses.get(0));
        assertEquals(30, accesses.lastIndexOf("blocked") + 1, "all 30 blocked ones first");
        assertEquals("read-only", accesses.get(30));
        for (int i = 1; i < 30; i++) {
            assertTrue(!all.get(i).lastSeen().isAfter(all.get(i - 1).lastSeen()), "then newest first");
        }
    }

    @Test
    void pagesOfOneGroupFollowEachOtherWithoutGapsOrRepeats() {
        List<ExternalDeviceView> shown = allPages(new ExternalDeviceSelection(null, null, null, null),
                Set.of(BERLIN), 4);
        assertEquals(15, shown.size());
        assertTrue(shown.stream().allMatch(v -> berlin.contains(v.deviceId())));
        assertNotNull(shown.get(0).deviceName());
    }

    @Test
    void filtersCombine() {
        List<ExternalDeviceView> blockedStorage = allPages(new ExternalDeviceSelection(null,
                Set.of("removable-storage"), Set.of(Access.BLOCKED), true), Set.of(PARIS), 5);
        assertEquals(9, blockedStorage.size(), "dev-0 of each Paris device");
        assertTrue(blockedStorage.stream().allMatch(v -> v.deviceClass().equals("removable-storage")
                && v.access().equals("blocked") && v.connected()));
        assertEquals(List.of(), allPages(new ExternalDeviceSelection(paris.get(0), null, null, null),
                Set.of(BERLIN), 10), "a device outside the groups shows nothing");
        assertEquals(List.of(), allPages(new ExternalDeviceSelection(null, null, null, false), null, 10));
    }

    @Test
    void aDeletedDeviceShowsNowhere() {
        devices.delete(berlin.get(0));
        assertEquals(135, allPages(new ExternalDeviceSelection(null, null, null, null), null, 1000).size());
    }

    @Test
    void aCursorOfAnotherListingIsRefusedAndTheLastPageHasNone() {
        assertThrows(ValidationException.class, () -> listing.list(new ExternalDeviceSelection(null, null, null,
                null), null, new PageRequest(10, Cursor.after("not-a-rank"))));
        Page<ExternalDeviceView> page = listing.list(new ExternalDeviceSelection(null, null, null, null), null,
                PageRequest.of(150, null));
        assertEquals(150, page.items().size());
        assertNull(page.nextCursor());
    }

    @Test
    void malformedFiltersAreRefused() {
        assertThrows(ValidationException.class, () -> QueryParameters.deviceClasses(List.of("printer,toaster")));
        assertThrows(ValidationException.class, () -> QueryParameters.accesses(List.of("maybe")));
        assertThrows(ValidationException.class, () -> QueryParameters.connected("yes"));
        assertThrows(ValidationException.class, () -> QueryParameters.limit("ten"));
        assertEquals(Set.of(Access.BLOCKED, Access.READ_ONLY), QueryParameters.accesses(List.of("blocked, read-only")));
    }

    private List<ExternalDeviceView> allPages(ExternalDeviceSelection selection, Set<UUID> groups, int limit) {
        List<ExternalDeviceView> all = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 1000; pages++) {
            Page<ExternalDeviceView> page = listing.list(selection, groups, PageRequest.of(limit, cursor));
            assertTrue(page.items().size() <= limit);
            all.addAll(page.items());
            cursor = page.nextCursor();
            if (cursor == null) {
                return all;
            }
        }
        throw new AssertionError("the pages never end");
    }
}
