package org.garrison.plugins.endpointprotection.internal.rest;

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
import org.garrison.plugins.endpointprotection.internal.reports.ThreatDetection;
import org.garrison.plugins.endpointprotection.internal.reports.ThreatStatus;
import org.garrison.plugins.endpointprotection.internal.store.ThreatRepository;
import org.garrison.plugins.endpointprotection.internal.store.ThreatSelection;
import org.garrison.store.internal.TestDatabase;
import org.garrison.testkit.InMemoryDevices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fleet listing restricted to groups, on the plugin's real table: pages follow each other without gaps or
 * repeats, whatever share of the rows lies outside the caller's groups.
 */
class ThreatListingTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private static final UUID BERLIN = UUID.randomUUID();
    private static final UUID PARIS = UUID.randomUUID();

    private Transactions transactions;
    private final InMemoryDevices devices = new InMemoryDevices();
    private ThreatListing listing;
    private final List<UUID> berlin = new ArrayList<>();
    private final List<UUID> paris = new ArrayList<>();

    @BeforeEach
    void threats() throws Exception {
        transactions = TestDatabase.withSchema("endpointprotection", "GARRISON-INF/migrations/changelog.sql",
                getClass().getClassLoader()).transactions();
        listing = new ThreatListing(transactions, devices);
        for (int i = 0; i < 3; i++) {
            berlin.add(devices.add(BERLIN));
            paris.add(devices.add(PARIS));
        }
        ThreatRepository repository = new ThreatRepository();
        transactions.runInTransaction(c -> {
            for (int i = 0; i < 150; i++) {
                // Paris has nine in ten threats: a Berlin admin's pages must skip over long runs of them
                UUID device = i % 10 == 0 ? berlin.get(i % 3) : paris.get(i % 3);
                // every third pair shares its detection time, so the tie-breakers are exercised
                Instant at = T0.minusSeconds(i - i % 2);
                ThreatStatus status = i % 4 == 0 ? ThreatStatus.NOT_DISINFECTED : ThreatStatus.QUARANTINED;
                repository.insert(c, device, new ThreatDetection("d" + i, "/tmp/x" + i, "EICAR-Test-File", "virus",
                        status == ThreatStatus.QUARANTINED ? "quarantined" : "none", status, at, null), at);
            }
        });
    }

    @Test
    void pagesOfOneGroupFollowEachOtherWithoutGapsOrRepeats() {
        List<ThreatView> all = allPages(new ThreatSelection(null, null), Set.of(BERLIN), 4);
        assertEquals(15, all.size());
        assertTrue(all.stream().allMatch(t -> berlin.contains(t.deviceId())));
        assertEquals(15, new HashSet<>(all.stream().map(t -> t.deviceId() + "/" + t.detectionId()).toList()).size());
        for (int i = 1; i < all.size(); i++) {
            assertTrue(!all.get(i).detectedAt().isAfter(all.get(i - 1).detectedAt()), "newest first");
        }
        assertNotNull(all.get(0).deviceName());
    }

    @Test
    void everyGroupTogetherIsTheWholeTableAndFiltersCombine() {
        assertEquals(150, allPages(new ThreatSelection(null, null), null, 37).size());
        List<ThreatView> infected = allPages(new ThreatSelection(null, Set.of(ThreatStatus.NOT_DISINFECTED)),
                Set.of(PARIS), 5);
        assertTrue(infected.stream().allMatch(t -> t.status().equals("not-disinfected")
                && paris.contains(t.deviceId())));
        assertEquals(List.of(), allPages(new ThreatSelection(paris.get(0), null), Set.of(BERLIN), 10),
                "a device outside the groups shows nothing");
    }

    @Test
    void aMovedDeviceShowsInItsNewGroupAndADeletedOneNowhere() {
        devices.move(paris.get(0), BERLIN);
        devices.delete(berlin.get(0));
        List<ThreatView> shown = allPages(new ThreatSelection(null, null), Set.of(BERLIN), 50);
        assertTrue(shown.stream().anyMatch(t -> t.deviceId().equals(paris.get(0))));
        assertTrue(shown.stream().noneMatch(t -> t.deviceId().equals(berlin.get(0))));
        assertEquals(145, allPages(new ThreatSelection(null, null), null, 1000).size(),
                "the deleted device's five threats are hidden from everyone");
    }

    @Test
    void aPageThatWouldReadTooFarEndsEarlyWithACursor() {
        transactions.runInTransaction(c -> {
            ThreatRepository repository = new ThreatRepository();
            UUID busy = devices.add(PARIS);
            for (int i = 0; i < ThreatListing.MAX_EXAMINED + 50; i++) {
                Instant at = T0.plusSeconds(1_000 + i);
                repository.insert(c, busy, new ThreatDetection("n" + i, "/tmp/n", "EICAR-Test-File", "virus",
                        "quarantined", ThreatStatus.QUARANTINED, at, null), at);
            }
        });
        Page<ThreatView> first = listing.list(new ThreatSelection(null, null), Set.of(BERLIN),
                PageRequest.of(10, null));
        assertEquals(0, first.items().size());
        assertNotNull(first.nextCursor(), "the caller can go on from where the listing stopped");
        assertEquals(10, listing.list(new ThreatSelection(null, null), Set.of(BERLIN),
                PageRequest.of(10, first.nextCursor())).items().size());
    }

    @Test
    void aCursorOfAnotherListingIsRefused() {
        assertThrows(ValidationException.class, () -> listing.list(new ThreatSelection(null, null), null,
                new PageRequest(10, Cursor.after("not-a-time"))));
    }

    private List<ThreatView> allPages(ThreatSelection selection, Set<UUID> groups, int limit) {
        List<ThreatView> all = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 1000; pages++) {
            Page<ThreatView> page = listing.list(selection, groups, PageRequest.of(limit, cursor));
            assertTrue(page.items().size() <= limit);
            all.addAll(page.items());
            cursor = page.nextCursor();
            if (cursor == null) {
                return all;
            }
        }
        throw new AssertionError("the pages never end");
    }

    @Test
    void theLastPageHasNoCursor() {
        Page<ThreatView> page = listing.list(new ThreatSelection(null, null), null, PageRequest.of(150, null));
        assertEquals(150, page.items().size());
        assertNull(page.nextCursor());
    }
}
