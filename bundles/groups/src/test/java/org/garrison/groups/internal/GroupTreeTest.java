package org.garrison.groups.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.error.NotFoundException;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.security.GroupScope;
import org.junit.jupiter.api.Test;

class GroupTreeTest {

    private static final UUID ROOT = AdministrationGroup.MANAGED_DEVICES;
    private static final UUID UNASSIGNED = AdministrationGroup.UNASSIGNED_DEVICES;

    private final List<GroupTree.Entry> entries = new ArrayList<>();
    private final UUID berlin = add(ROOT, "berlin");
    private final UUID amsterdam = add(ROOT, "Amsterdam");
    private final UUID floor2 = add(berlin, "Floor 2");
    private final UUID floor1 = add(berlin, "floor 1");
    private final UUID desk = add(floor1, "Desk");

    GroupTreeTest() {
        entries.add(new GroupTree.Entry(group(ROOT, null, "Managed devices"), null));
        entries.add(new GroupTree.Entry(group(UNASSIGNED, null, "Unassigned devices"), null));
    }

    @Test
    void allListsParentsBeforeChildrenAndSiblingsByNameIgnoringCase() {
        GroupTree tree = new GroupTree(entries);
        assertEquals(List.of(ROOT, amsterdam, berlin, floor1, desk, floor2, UNASSIGNED),
                tree.all().stream().map(AdministrationGroup::id).toList());
    }

    @Test
    void aScopeHoldsItsRootsAndEverythingBelowThem() {
        GroupTree tree = new GroupTree(entries);
        GroupScope berlinOnly = GroupScope.within(Set.of(berlin));
        assertTrue(tree.within(berlinOnly, berlin));
        assertTrue(tree.within(berlinOnly, desk));
        assertFalse(tree.within(berlinOnly, amsterdam));
        assertFalse(tree.within(berlinOnly, ROOT));
        assertFalse(tree.within(berlinOnly, UNASSIGNED));
        assertFalse(tree.within(berlinOnly, UUID.randomUUID()));
        assertFalse(tree.within(GroupScope.NOWHERE, desk));
        assertTrue(tree.within(GroupScope.EVERYWHERE, UNASSIGNED));
    }

    @Test
    void aGrantOnManagedDevicesCoversTheWholeServer() {
        GroupTree tree = new GroupTree(entries);
        GroupScope root = GroupScope.within(Set.of(ROOT));
        assertTrue(tree.within(root, UNASSIGNED));
        assertNull(tree.within(root));
        assertNull(tree.within(GroupScope.EVERYWHERE));
    }

    @Test
    void theGroupsWithinAScopeAreTheUnionOfItsSubtrees() {
        GroupTree tree = new GroupTree(entries);
        assertEquals(Set.of(amsterdam, floor1, desk),
                tree.within(GroupScope.within(Set.of(amsterdam, floor1, desk))));
        assertEquals(Set.of(), tree.within(GroupScope.NOWHERE));
        assertEquals(Set.of(), tree.within(GroupScope.within(Set.of(UUID.randomUUID()))));
    }

    @Test
    void aScopedCallersTopGroupsAreItsOutermostRoots() {
        GroupTree tree = new GroupTree(entries);
        assertEquals(List.of(amsterdam, floor1),
                tree.tops(GroupScope.within(Set.of(desk, floor1, amsterdam, UUID.randomUUID()))).stream()
                        .map(AdministrationGroup::id).toList());
        assertEquals(List.of(ROOT, UNASSIGNED),
                tree.tops(GroupScope.EVERYWHERE).stream().map(AdministrationGroup::id).toList());
    }

    @Test
    void subtreeHoldsTheGroupAndEverythingBelowIt() {
        GroupTree tree = new GroupTree(entries);
        assertEquals(List.of(berlin, floor1, desk, floor2), List.copyOf(tree.subtree(berlin)));
        assertEquals(List.of(desk), List.copyOf(tree.subtree(desk)));
        assertThrows(NotFoundException.class, () -> tree.subtree(UUID.randomUUID()));
    }

    @Test
    void ancestorsRunFromTheTopDownToTheParent() {
        GroupTree tree = new GroupTree(entries);
        assertEquals(List.of(ROOT, berlin, floor1),
                tree.ancestors(desk).stream().map(AdministrationGroup::id).toList());
        assertTrue(tree.ancestors(ROOT).isEmpty());
        assertEquals(4, tree.path(desk).size());
    }

    @Test
    void movingAGroupMovesItsSubtree() {
        GroupTree before = new GroupTree(entries);
        List<GroupTree.Entry> moved = new ArrayList<>();
        for (GroupTree.Entry entry : entries) {
            AdministrationGroup g = entry.group();
            moved.add(g.id().equals(floor1)
                    ? new GroupTree.Entry(group(floor1, amsterdam, g.name()), null) : entry);
        }
        GroupTree after = new GroupTree(moved);
        assertEquals(List.of(floor1, desk), List.copyOf(after.subtree(floor1)));
        assertEquals(List.of(ROOT, amsterdam, floor1),
                after.ancestors(desk).stream().map(AdministrationGroup::id).toList());
        assertEquals(List.of(berlin, floor2), List.copyOf(after.subtree(berlin)));
        assertEquals(before.all().size(), after.all().size());
    }

    @Test
    void siblingNamesAreFoundIgnoringCase() {
        GroupTree tree = new GroupTree(entries);
        assertEquals(floor1, tree.childNamed(berlin, "FLOOR 1").orElseThrow().id());
        assertTrue(tree.childNamed(amsterdam, "floor 1").isEmpty());
    }

    private UUID add(UUID parent, String name) {
        UUID id = UUID.randomUUID();
        entries.add(new GroupTree.Entry(group(id, parent, name), null));
        return id;
    }

    private static AdministrationGroup group(UUID id, UUID parent, String name) {
        return new AdministrationGroup(id, parent, name, Instant.EPOCH, Instant.EPOCH);
    }
}
