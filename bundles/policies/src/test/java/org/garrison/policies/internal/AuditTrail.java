package org.garrison.policies.internal;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.garrison.api.Actor;
import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.audit.DeletedObject;
import org.garrison.api.audit.DeletedObjects;
import org.garrison.api.audit.ObjectRef;
import org.garrison.api.audit.Revision;
import org.garrison.api.audit.RevisionHistory;

/**
 * A revision history and deleted-objects registry that only remember what they were told.
 */
final class AuditTrail {

    final List<Revision> revisions = new CopyOnWriteArrayList<>();
    final List<DeletedObject> deletions = new CopyOnWriteArrayList<>();

    /** The actions recorded for an object, oldest first. */
    List<String> actions(UUID id) {
        return revisions.stream().filter(r -> r.object().id().equals(id)).map(Revision::action).toList();
    }

    RevisionHistory history() {
        return new RevisionHistory() {
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
        };
    }

    DeletedObjects deleted() {
        return new DeletedObjects() {
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
        };
    }
}
