package org.garrison.accounts.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.Actor;
import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.audit.DeletedObject;
import org.garrison.api.audit.DeletedObjects;
import org.garrison.api.audit.ObjectRef;
import org.garrison.api.audit.Revision;
import org.garrison.api.audit.RevisionHistory;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.group.GroupDeletion;
import org.garrison.api.group.GroupService;

/**
 * Stand-ins for the services of other areas: an audit trail that remembers what it was told and a group tree
 * that only lists its groups.
 */
public final class Fakes {

    private Fakes() {
    }

    static final class Revisions implements RevisionHistory {

        final List<Revision> recorded = new ArrayList<>();

        @Override
        public Revision record(ObjectRef object, String action, String snapshot, Actor actor) {
            Revision revision = new Revision(UUID.randomUUID(), object, recorded.size() + 1, Instant.now(), actor,
                    action, snapshot, "[]");
            recorded.add(revision);
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

    static final class Deletions implements DeletedObjects {

        final List<DeletedObject> registered = new ArrayList<>();

        @Override
        public DeletedObject register(ObjectRef object, String name, String snapshot, Actor actor) {
            DeletedObject entry = new DeletedObject(UUID.randomUUID(), object, name, Instant.now(), actor, snapshot);
            registered.add(entry);
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

    static final class Groups implements GroupService {

        final List<AdministrationGroup> groups = new ArrayList<>(List.of(
                group(AdministrationGroup.MANAGED_DEVICES, null, "Managed devices"),
                group(AdministrationGroup.UNASSIGNED_DEVICES, null, "Unassigned devices")));

        static AdministrationGroup group(UUID id, UUID parent, String name) {
            return new AdministrationGroup(id, parent, name, Instant.now(), Instant.now());
        }

        UUID add(String name) {
            return add(AdministrationGroup.MANAGED_DEVICES, name);
        }

        UUID add(UUID parent, String name) {
            AdministrationGroup group = group(UUID.randomUUID(), parent, name);
            groups.add(group);
            return group.id();
        }

        void remove(UUID id) {
            groups.removeIf(group -> group.id().equals(id));
        }

        @Override
        public AdministrationGroup get(UUID id) {
            return groups.stream().filter(g -> g.id().equals(id)).findFirst()
                    .orElseThrow(() -> new NotFoundException("Administration group", id));
        }

        @Override
        public List<AdministrationGroup> all() {
            return List.copyOf(groups);
        }

        @Override
        public List<AdministrationGroup> children(UUID id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Set<UUID> subtree(UUID id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<AdministrationGroup> ancestors(UUID id) {
            List<AdministrationGroup> ancestors = new ArrayList<>();
            for (UUID parent = get(id).parentId(); parent != null; parent = get(parent).parentId()) {
                ancestors.add(0, get(parent));
            }
            return ancestors;
        }

        @Override
        public AdministrationGroup create(UUID parentId, String name, Actor actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public AdministrationGroup rename(UUID id, String name, Actor actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public AdministrationGroup move(UUID id, UUID newParentId, Actor actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete(UUID id, GroupDeletion mode, Actor actor) {
            throw new UnsupportedOperationException();
        }
    }

    static DataCipher cipher(Path directory) throws Exception {
        return new DataCipher(directory.resolve("keys.p12"), directory.resolve("keys.password"));
    }
}
