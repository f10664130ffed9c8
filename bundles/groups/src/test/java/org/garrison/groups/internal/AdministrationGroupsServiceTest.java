package org.garrison.groups.internal;

import static org.garrison.api.group.AdministrationGroup.MANAGED_DEVICES;
import static org.garrison.api.group.AdministrationGroup.UNASSIGNED_DEVICES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.Actor;
import org.garrison.api.ActorKind;
import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.audit.DeletedObject;
import org.garrison.api.audit.DeletedObjects;
import org.garrison.api.audit.ObjectRef;
import org.garrison.api.audit.Revision;
import org.garrison.api.audit.RevisionHistory;
import org.garrison.api.error.ConflictException;
import org.garrison.api.error.ForbiddenException;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.error.ValidationException;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.group.GroupDeletion;
import org.garrison.api.group.GroupDeviceSettings;
import org.garrison.api.group.GroupMembers;
import org.garrison.api.group.InactivityHandling;
import org.garrison.api.security.AuthenticationMethod;
import org.garrison.api.security.Caller;
import org.garrison.api.security.GroupScope;
import org.garrison.api.security.Permissions;
import org.garrison.api.store.Transactions;
import org.garrison.store.internal.TestDatabase;
import org.osgi.service.component.ComponentServiceObjects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The group service against a real (in-memory Derby) database with this bundle's changelog, and an audit trail
 * that only remembers what it was told.
 */
class AdministrationGroupsServiceTest {

    private static final Actor ADMIN = Actor.system("test");

    private final List<Revision> revisions = new ArrayList<>();
    private final List<DeletedObject> deletions = new ArrayList<>();
    private final Devices devices = new Devices();
    private final ComponentServiceObjects<GroupMembers> installedDevices = installed(devices);
    private Transactions database;
    private AdministrationGroupsService groups;

    @BeforeEach
    void start() throws Exception {
        database = TestDatabase.withSchema("groups", "db/groups.sql", getClass().getClassLoader()).transactions();
        groups = restart();
        groups.addMembers(installedDevices);
    }

    private AdministrationGroupsService restart() {
        return new AdministrationGroupsService(database, new Revisions(), new Deletions(), Clock.systemUTC());
    }

    @Test
    void theBuiltInGroupsComeFromTheChangelog() {
        assertEquals(List.of("Managed devices", "Unassigned devices"),
                groups.all().stream().map(AdministrationGroup::name).toList());
        assertTrue(groups.get(MANAGED_DEVICES).builtIn());
    }

    @Test
    void theScopeCheckFollowsTheTreeAsItChanges() {
        AdministrationGroup office = groups.create(MANAGED_DEVICES, "Office", ADMIN);
        AdministrationGroup lab = groups.create(MANAGED_DEVICES, "Lab", ADMIN);
        GroupScopeCheck scopes = new GroupScopeCheck(groups);
        Caller officeAdmin = new Caller(new Actor(ActorKind.ACCOUNT, "a1", "office-admin"), UUID.randomUUID(),
                "office-admin", AuthenticationMethod.API_TOKEN,
                Map.of(Permissions.GROUPS_WRITE, GroupScope.within(Set.of(office.id()))), Set.of());
        scopes.require(officeAdmin, Permissions.GROUPS_WRITE, Set.of(office.id(), UUID.randomUUID()));
        ForbiddenException refused = assertThrows(ForbiddenException.class,
                () -> scopes.require(officeAdmin, Permissions.GROUPS_WRITE, Set.of(office.id(), lab.id())));
        assertTrue(refused.getMessage().contains("\"Lab\""), refused.getMessage());
        assertThrows(ForbiddenException.class,
                () -> scopes.require(officeAdmin, Permissions.GROUPS_READ, Set.of(office.id())));

        groups.move(lab.id(), office.id(), ADMIN);
        assertTrue(scopes.contains(officeAdmin.scope(Permissions.GROUPS_WRITE), lab.id()), "moved into the scope");
        assertEquals(Set.of(office.id(), lab.id()),
                scopes.groupsWithin(officeAdmin.scope(Permissions.GROUPS_WRITE)));
        assertEquals(null, scopes.groupsWithin(GroupScope.EVERYWHERE));
    }

    @Test
    void creatingRecordsARevisionAndSurvivesARestart() {
        AdministrationGroup office = groups.create(MANAGED_DEVICES, "  Office ", ADMIN);
        assertEquals("Office", office.name());
        assertEquals(1, revisions.size());
        assertEquals("created", revisions.get(0).action());
        assertTrue(revisions.get(0).snapshot().contains("\"deviceSettings\""), revisions.get(0).snapshot());
        assertEquals(office, restart().get(office.id()));
    }

    @Test
    void siblingNamesAreUniqueIgnoringCaseButCousinsMayShareThem() {
        AdministrationGroup berlin = groups.create(MANAGED_DEVICES, "Berlin", ADMIN);
        AdministrationGroup paris = groups.create(MANAGED_DEVICES, "Paris", ADMIN);
        groups.create(berlin.id(), "Servers", ADMIN);
        groups.create(paris.id(), "servers", ADMIN);
        assertThrows(ConflictException.class, () -> groups.create(MANAGED_DEVICES, "BERLIN", ADMIN));
        assertThrows(ConflictException.class, () -> groups.rename(paris.id(), "berlin", ADMIN));
        assertEquals("PARIS", groups.rename(paris.id(), "PARIS", ADMIN).name());
        assertEquals(5, revisions.size());
    }

    @Test
    void nothingIsCreatedUnderUnassignedDevicesOrUnderAMissingParent() {
        assertThrows(ValidationException.class, () -> groups.create(UNASSIGNED_DEVICES, "x", ADMIN));
        assertThrows(NotFoundException.class, () -> groups.create(UUID.randomUUID(), "x", ADMIN));
        assertThrows(ValidationException.class, () -> groups.create(MANAGED_DEVICES, "\t", ADMIN));
        assertTrue(revisions.isEmpty());
        assertEquals(2, groups.all().size());
    }

    @Test
    void builtInGroupsCannotBeRenamedMovedOrDeleted() {
        AdministrationGroup office = groups.create(MANAGED_DEVICES, "Office", ADMIN);
        assertThrows(ConflictException.class, () -> groups.rename(MANAGED_DEVICES, "Mine", ADMIN));
        assertThrows(ConflictException.class, () -> groups.move(UNASSIGNED_DEVICES, office.id(), ADMIN));
        assertThrows(ConflictException.class, () -> groups.delete(UNASSIGNED_DEVICES, null, ADMIN));
    }

    @Test
    void movingAGroupMovesItsSubtreeAndCyclesAreRefused() {
        AdministrationGroup berlin = groups.create(MANAGED_DEVICES, "Berlin", ADMIN);
        AdministrationGroup floor = groups.create(berlin.id(), "Floor 1", ADMIN);
        AdministrationGroup desk = groups.create(floor.id(), "Desk", ADMIN);
        AdministrationGroup paris = groups.create(MANAGED_DEVICES, "Paris", ADMIN);

        groups.move(floor.id(), paris.id(), ADMIN);
        assertEquals(List.of(MANAGED_DEVICES, paris.id(), floor.id()),
                groups.ancestors(desk.id()).stream().map(AdministrationGroup::id).toList());
        assertEquals(Set.of(paris.id(), floor.id(), desk.id()), groups.subtree(paris.id()));
        assertEquals("moved", revisions.get(revisions.size() - 1).action());

        int before = revisions.size();
        assertThrows(ConflictException.class, () -> groups.move(paris.id(), desk.id(), ADMIN));
        assertThrows(ConflictException.class, () -> groups.move(paris.id(), paris.id(), ADMIN));
        assertThrows(ValidationException.class, () -> groups.move(paris.id(), UNASSIGNED_DEVICES, ADMIN));
        groups.create(berlin.id(), "floor 1", ADMIN);
        assertThrows(ConflictException.class, () -> groups.move(floor.id(), berlin.id(), ADMIN));
        assertEquals(before + 1, revisions.size());
        assertEquals(paris.id(), restart().get(floor.id()).parentId());
    }

    @Test
    void deletionModesGuardSubgroupsAndMembers() {
        AdministrationGroup berlin = groups.create(MANAGED_DEVICES, "Berlin", ADMIN);
        AdministrationGroup floor = groups.create(berlin.id(), "Floor 1", ADMIN);
        devices.counts.put(floor.id(), 3L);

        assertThrows(ConflictException.class, () -> groups.delete(berlin.id(), GroupDeletion.EMPTY_ONLY, ADMIN));
        assertThrows(ConflictException.class, () -> groups.delete(floor.id(), null, ADMIN));
        ConflictException members = assertThrows(ConflictException.class,
                () -> groups.delete(berlin.id(), GroupDeletion.WITH_SUBGROUPS, ADMIN));
        assertTrue(members.getMessage().contains("3 devices"), members.getMessage());
        assertTrue(deletions.isEmpty());

        groups.delete(berlin.id(), GroupDeletion.WITH_MEMBERS, ADMIN);
        assertEquals(Set.of(berlin.id(), floor.id()), devices.released);
        assertEquals(List.of(floor.id(), berlin.id()), deletions.stream().map(d -> d.object().id()).toList());
        assertTrue(deletions.get(0).snapshot().contains("\"parentId\":\"" + berlin.id() + "\""));
        assertThrows(NotFoundException.class, () -> groups.get(berlin.id()));
        assertEquals(2, restart().all().size());
    }

    @Test
    void anEmptyGroupIsDeletedByDefaultAndAnEmptySubtreeWithSubgroups() {
        AdministrationGroup a = groups.create(MANAGED_DEVICES, "A", ADMIN);
        AdministrationGroup b = groups.create(a.id(), "B", ADMIN);
        groups.create(b.id(), "C", ADMIN);
        AdministrationGroup lone = groups.create(MANAGED_DEVICES, "Lone", ADMIN);
        groups.delete(lone.id(), null, ADMIN);
        groups.delete(a.id(), GroupDeletion.WITH_SUBGROUPS, ADMIN);
        assertEquals(4, deletions.size());
        assertEquals(2, groups.all().size());
    }

    @Test
    void restoringARevisionRenamesAndMovesBack() {
        AdministrationGroup berlin = groups.create(MANAGED_DEVICES, "Berlin", ADMIN);
        AdministrationGroup paris = groups.create(MANAGED_DEVICES, "Paris", ADMIN);
        AdministrationGroup office = groups.create(berlin.id(), "Office", ADMIN);
        String original = revisions.get(revisions.size() - 1).snapshot();
        groups.rename(office.id(), "Bureau", ADMIN);
        groups.move(office.id(), paris.id(), ADMIN);

        String state = groups.restoreRevision(ref(office.id()), original, ADMIN);
        AdministrationGroup back = groups.get(office.id());
        assertEquals("Office", back.name());
        assertEquals(berlin.id(), back.parentId());
        assertTrue(state.contains("\"name\":\"Office\""), state);

        groups.create(berlin.id(), "Bureau", ADMIN);
        String renamed = groups.json().snapshot(new AdministrationGroup(office.id(), berlin.id(), "bureau",
                back.createdAt(), back.modifiedAt()), DeviceSettingsRules.defaults(office.id()));
        assertThrows(ConflictException.class, () -> groups.restoreRevision(ref(office.id()), renamed, ADMIN));
    }

    @Test
    void aDeletedGroupIsRecreatedUnderItsParentWithItsIdAndSettings() {
        AdministrationGroup berlin = groups.create(MANAGED_DEVICES, "Berlin", ADMIN);
        AdministrationGroup floor = groups.create(berlin.id(), "Floor", ADMIN);
        GroupDeviceSettings own = new GroupDeviceSettings(false, true, List.of(), new InactivityHandling(3, 9));
        groups.update(floor.id(), own, ADMIN);
        groups.delete(berlin.id(), GroupDeletion.WITH_SUBGROUPS, ADMIN);

        DeletedObject floorEntry = deletions.get(0);
        ConflictException orphan = assertThrows(ConflictException.class,
                () -> groups.restoreDeleted(floorEntry.object(), floorEntry.snapshot(), ADMIN));
        assertTrue(orphan.getMessage().contains("Restore the parent group first"), orphan.getMessage());

        groups.restoreDeleted(deletions.get(1).object(), deletions.get(1).snapshot(), ADMIN);
        groups.restoreDeleted(floorEntry.object(), floorEntry.snapshot(), ADMIN);
        assertEquals(berlin.id(), groups.get(floor.id()).parentId());
        assertEquals(own, groups.own(floor.id()));
        assertThrows(ConflictException.class,
                () -> groups.restoreDeleted(floorEntry.object(), floorEntry.snapshot(), ADMIN));
    }

    @Test
    void settingsAreValidatedStoredRecordedAndInherited() {
        AdministrationGroup office = groups.create(MANAGED_DEVICES, "Office", ADMIN);
        AdministrationGroup floor = groups.create(office.id(), "Floor", ADMIN);
        assertEquals(DeviceSettingsRules.defaults(office.id()), groups.own(office.id()));
        assertEquals(MANAGED_DEVICES, groups.effective(floor.id()).sourceGroupId());

        GroupDeviceSettings forced = new GroupDeviceSettings(false, true, List.of(), new InactivityHandling(2, null));
        groups.update(office.id(), forced, ADMIN);
        groups.update(floor.id(), new GroupDeviceSettings(false, false, List.of(), new InactivityHandling(9, null)),
                ADMIN);
        assertEquals(office.id(), groups.effective(floor.id()).sourceGroupId());
        assertTrue(groups.effective(floor.id()).forced());
        assertEquals(forced, restart().own(office.id()));
        assertEquals("updated", revisions.get(revisions.size() - 1).action());

        int before = revisions.size();
        assertThrows(ValidationException.class, () -> groups.update(office.id(),
                new GroupDeviceSettings(false, false, List.of(), new InactivityHandling(-1, null)), ADMIN));
        assertThrows(NotFoundException.class, () -> groups.update(UUID.randomUUID(), forced, ADMIN));
        assertEquals(before, revisions.size());
        assertEquals(forced, groups.own(office.id()));
    }

    @Test
    void countsAddUpOverSubtrees() {
        AdministrationGroup berlin = groups.create(MANAGED_DEVICES, "Berlin", ADMIN);
        AdministrationGroup floor = groups.create(berlin.id(), "Floor", ADMIN);
        devices.counts.put(floor.id(), 4L);
        devices.counts.put(berlin.id(), 1L);
        devices.counts.put(UNASSIGNED_DEVICES, 7L);
        GroupCounts counts = groups.counts();
        assertEquals(1, counts.direct(berlin.id()));
        assertEquals(5, counts.subtree(berlin.id()));
        assertEquals(5, counts.subtree(MANAGED_DEVICES));
        assertEquals(0, counts.direct(MANAGED_DEVICES));
        assertEquals(7, counts.subtree(UNASSIGNED_DEVICES));
        groups.removeMembers(installedDevices);
        assertEquals(0, groups.counts().subtree(MANAGED_DEVICES));
        assertFalse(groups.all().isEmpty());
    }

    private static ObjectRef ref(UUID id) {
        return new ObjectRef(AdministrationGroup.OBJECT_TYPE, id);
    }

    private final class Revisions implements RevisionHistory {

        @Override
        public Revision record(ObjectRef object, String action, String snapshot, Actor actor) {
            Revision revision = new Revision(UUID.randomUUID(), object, revisions.size() + 1, null, actor, action,
                    snapshot, "[]");
            revisions.add(revision);
            return revision;
        }

        @Override
        public Page<Revision> revisions(ObjectRef object, PageRequest page) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Revision revision(UUID revisionId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Revision restore(UUID revisionId, Actor actor) {
            throw new UnsupportedOperationException();
        }
    }

    private final class Deletions implements DeletedObjects {

        @Override
        public DeletedObject register(ObjectRef object, String name, String snapshot, Actor actor) {
            DeletedObject entry = new DeletedObject(UUID.randomUUID(), object, name, null, actor, snapshot);
            deletions.add(entry);
            return entry;
        }

        @Override
        public Page<DeletedObject> list(String objectType, PageRequest page) {
            throw new UnsupportedOperationException();
        }

        @Override
        public DeletedObject get(UUID entryId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void restore(UUID entryId, Actor actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void purge(UUID entryId, Actor actor) {
            throw new UnsupportedOperationException();
        }
    }

    private static final class Devices implements GroupMembers {

        final Map<UUID, Long> counts = new HashMap<>();
        Set<UUID> released = Set.of();

        @Override
        public String kind() {
            return "devices";
        }

        @Override
        public Map<UUID, Long> countByGroup(Set<UUID> groupIds) {
            Map<UUID, Long> result = new HashMap<>(counts);
            result.keySet().retainAll(groupIds);
            return result;
        }

        @Override
        public void release(Set<UUID> groupIds, Actor actor) {
            released = Set.copyOf(groupIds);
        }
    }

    /** Members as the service runtime hands them over: obtained on use. */
    private static ComponentServiceObjects<GroupMembers> installed(GroupMembers members) {
        return new ComponentServiceObjects<>() {
            @Override
            public GroupMembers getService() {
                return members;
            }

            @Override
            public void ungetService(GroupMembers service) {
                // nothing to release
            }

            @Override
            public org.osgi.framework.ServiceReference<GroupMembers> getServiceReference() {
                throw new UnsupportedOperationException("not registered");
            }
        };
    }
}
