package org.garrison.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.garrison.api.Actor;
import org.garrison.api.ActorKind;
import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.audit.DeletedObject;
import org.garrison.api.audit.ObjectRef;
import org.garrison.api.audit.ObjectRestorer;
import org.garrison.api.audit.Revision;
import org.garrison.api.error.ConflictException;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.error.ValidationException;
import org.garrison.api.store.Transactions;
import org.garrison.store.internal.TestDatabase;
import org.osgi.service.component.ComponentServiceObjects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditServicesTest {

    private static final Actor ALICE = new Actor(ActorKind.ACCOUNT, "a-1", "alice");
    private static final String TYPE = "widget";

    private RevisionHistoryService history;
    private DeletedObjectsService deleted;
    private final List<String> restored = new ArrayList<>();
    private final ObjectRef widget = new ObjectRef(TYPE, UUID.randomUUID());

    @BeforeEach
    void database() throws Exception {
        Transactions database = TestDatabase.withSchema("audit", "db/audit.sql", getClass().getClassLoader())
                .transactions();
        history = new RevisionHistoryService(database, Clock.systemUTC());
        deleted = new DeletedObjectsService(database, history, Clock.systemUTC());
    }

    @Test
    void revisionsAreNumberedPerObjectWithThePatchAgainstThePreviousOne() {
        Revision first = history.record(widget, "created", "{\"name\":\"a\",\"size\":1}", ALICE);
        Revision second = history.record(widget, "renamed", "{\"name\":\"b\",\"size\":1}", ALICE);
        history.record(new ObjectRef(TYPE, UUID.randomUUID()), "created", "{\"name\":\"other\"}", ALICE);
        assertEquals(1, first.number());
        assertEquals("[{\"op\":\"add\",\"path\":\"/name\",\"value\":\"a\"},"
                + "{\"op\":\"add\",\"path\":\"/size\",\"value\":1}]", first.changes());
        assertEquals(2, second.number());
        assertEquals("[{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"b\"}]", second.changes());
        Revision read = history.revision(second.id());
        assertEquals(second, read);
        assertEquals(ALICE, read.actor());
    }

    @Test
    void anObjectsRevisionsPageNewestFirst() {
        for (int i = 1; i <= 5; i++) {
            history.record(widget, "updated", "{\"n\":" + i + "}", ALICE);
        }
        Page<Revision> page = history.revisions(widget, new PageRequest(2, null));
        assertEquals(List.of(5, 4), page.items().stream().map(Revision::number).toList());
        assertEquals(5L, page.total());
        Page<Revision> next = history.revisions(widget, PageRequest.of(2, page.nextCursor()));
        assertEquals(List.of(3, 2), next.items().stream().map(Revision::number).toList());
        Page<Revision> last = history.revisions(widget, PageRequest.of(2, next.nextCursor()));
        assertEquals(List.of(1), last.items().stream().map(Revision::number).toList());
        assertNull(last.nextCursor());
    }

    @Test
    void recentRevisionsPageAcrossObjectsAndRefuseAForeignCursor() {
        for (int i = 0; i < 3; i++) {
            history.record(new ObjectRef(TYPE, UUID.randomUUID()), "created", "{}", ALICE);
        }
        history.record(new ObjectRef("gadget", UUID.randomUUID()), "created", "{}", ALICE);
        Page<Revision> first = history.recent(TYPE, new PageRequest(2, null));
        assertEquals(3L, first.total());
        Page<Revision> second = history.recent(TYPE, PageRequest.of(2, first.nextCursor()));
        assertEquals(1, second.items().size());
        assertEquals(4L, history.recent(null, PageRequest.first()).total());
        String objectCursor = history.revisions(widget, new PageRequest(1, null)).nextCursor();
        history.record(widget, "a", "{}", ALICE);
        history.record(widget, "b", "{}", ALICE);
        String numberCursor = history.revisions(widget, new PageRequest(1, null)).nextCursor();
        assertNull(objectCursor);
        assertThrows(ValidationException.class, () -> history.recent(null, PageRequest.of(1, numberCursor)));
    }

    @Test
    void restoringARevisionGoesThroughTheRestorerAndIsRecorded() {
        history.addRestorer(installed(restorer()));
        Revision first = history.record(widget, "created", "{\"name\":\"a\"}", ALICE);
        history.record(widget, "renamed", "{\"name\":\"b\"}", ALICE);
        Revision back = history.restore(first.id(), ALICE);
        assertEquals(List.of("revision " + widget.id() + " {\"name\":\"a\"}"), restored);
        assertEquals(3, back.number());
        assertEquals("restored", back.action());
        assertEquals("[{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"a\"}]", back.changes());
    }

    @Test
    void restoringWithoutARestorerOrAnUnknownRevisionIsRefused() {
        Revision first = history.record(widget, "created", "{}", ALICE);
        assertThrows(ConflictException.class, () -> history.restore(first.id(), ALICE));
        assertThrows(NotFoundException.class, () -> history.restore(UUID.randomUUID(), ALICE));
        assertEquals(1L, history.revisions(widget, PageRequest.first()).total());
    }

    @Test
    void aRefusingRestorerLeavesNothingBehind() {
        history.addRestorer(installed(new ObjectRestorer() {
            @Override
            public String objectType() {
                return TYPE;
            }

            @Override
            public String restoreRevision(ObjectRef object, String snapshot, Actor actor) {
                throw new ConflictException("no");
            }

            @Override
            public String restoreDeleted(ObjectRef object, String snapshot, Actor actor) {
                throw new ConflictException("no");
            }
        }));
        DeletedObject entry = deleted.register(widget, "w", "{\"name\":\"w\"}", ALICE);
        assertThrows(ConflictException.class, () -> deleted.restore(entry.id(), ALICE));
        assertEquals(entry.id(), deleted.get(entry.id()).id());
        assertEquals(0L, history.revisions(widget, PageRequest.first()).total());
    }

    @Test
    void deletedObjectsAreListedRestoredAndPurged() {
        history.addRestorer(installed(restorer()));
        DeletedObject first = deleted.register(widget, "w", "{\"name\":\"w\"}", ALICE);
        DeletedObject second = deleted.register(new ObjectRef("gadget", UUID.randomUUID()), "g", "{}", ALICE);
        assertEquals(List.of(second.id(), first.id()),
                deleted.list(null, PageRequest.first()).items().stream().map(DeletedObject::id).toList());
        assertEquals(List.of(first.id()),
                deleted.list(TYPE, PageRequest.first()).items().stream().map(DeletedObject::id).toList());
        Page<DeletedObject> one = deleted.list(null, new PageRequest(1, null));
        assertEquals(List.of(first.id()), deleted.list(null, PageRequest.of(1, one.nextCursor())).items().stream()
                .map(DeletedObject::id).toList());

        deleted.restore(first.id(), ALICE);
        assertEquals(List.of("deleted " + widget.id() + " {\"name\":\"w\"}"), restored);
        assertThrows(NotFoundException.class, () -> deleted.get(first.id()));
        assertEquals("restored", history.revisions(widget, PageRequest.first()).items().get(0).action());

        deleted.purge(second.id(), ALICE);
        assertEquals(0L, deleted.list(null, PageRequest.first()).total());
        assertThrows(NotFoundException.class, () -> deleted.purge(second.id(), ALICE));
    }

    private ObjectRestorer restorer() {
        return new ObjectRestorer() {
            @Override
            public String objectType() {
                return TYPE;
            }

            @Override
            public String restoreRevision(ObjectRef object, String snapshot, Actor actor) {
                restored.add("revision " + object.id() + " " + snapshot);
                return snapshot;
            }

            @Override
            public String restoreDeleted(ObjectRef object, String snapshot, Actor actor) {
                restored.add("deleted " + object.id() + " " + snapshot);
                return snapshot;
            }
        };
    }

    /** A restorer as the service runtime hands it over: obtained on use. */
    private static ComponentServiceObjects<ObjectRestorer> installed(ObjectRestorer restorer) {
        return new ComponentServiceObjects<>() {
            @Override
            public ObjectRestorer getService() {
                return restorer;
            }

            @Override
            public void ungetService(ObjectRestorer service) {
                // nothing to release
            }

            @Override
            public org.osgi.framework.ServiceReference<ObjectRestorer> getServiceReference() {
                throw new UnsupportedOperationException("not registered");
            }
        };
    }
}
