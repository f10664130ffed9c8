package org.garrison.tasks.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.garrison.api.Actor;
import org.garrison.api.Ids;
import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.audit.DeletedObject;
import org.garrison.api.audit.DeletedObjects;
import org.garrison.api.audit.ObjectRef;
import org.garrison.api.audit.Revision;
import org.garrison.api.audit.RevisionHistory;

/** The revision history and deleted-objects registry, recording what the tasks area hands them. */
final class TestAudit {

    final List<Revision> revisions = new CopyOnWriteArrayList<>();
    final List<DeletedObject> deleted = new CopyOnWriteArrayList<>();

    RevisionHistory history() {
        return new RevisionHistory() {
            @Override
            public Revision record(ObjectRef object, String action, String snapshot, Actor actor) {
                int number = (int) revisions.stream().filter(r -> r.object().equals(object)).count() + 1;
                Revision revision = new Revision(Ids.newId(), object, number, Instant.now(), actor, action, snapshot,
                        "[]");
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

    DeletedObjects registry() {
        return new DeletedObjects() {
            @Override
            public DeletedObject register(ObjectRef object, String name, String snapshot, Actor actor) {
                DeletedObject entry = new DeletedObject(Ids.newId(), object, name, Instant.now(), actor, snapshot);
                deleted.add(entry);
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
