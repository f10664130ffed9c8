package org.garrison.audit.internal;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.garrison.api.Actor;
import org.garrison.api.Ids;
import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.audit.DeletedObject;
import org.garrison.api.audit.DeletedObjects;
import org.garrison.api.audit.ObjectRef;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.store.MigratedSchema;
import org.garrison.api.store.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The registry of deleted objects; restoring goes through the revision history's restorers, and is itself recorded
 * as a revision.
 */
@Component(service = DeletedObjects.class)
public class DeletedObjectsService implements DeletedObjects {

    private static final String DELETED_OBJECT = "Deleted object";

    private final Transactions transactions;
    private final RevisionHistoryService revisions;
    private final DeletedObjectRepository repository = new DeletedObjectRepository();
    private final Clock clock;

    @Activate
    public DeletedObjectsService(@Reference Transactions transactions, @Reference RevisionHistoryService revisions,
            @Reference(target = "(garrison.schema=audit)") MigratedSchema schema) {
        this(transactions, revisions, Clock.systemUTC());
    }

    DeletedObjectsService(Transactions transactions, RevisionHistoryService revisions, Clock clock) {
        this.transactions = transactions;
        this.revisions = revisions;
        this.clock = clock;
    }

    @Override
    public DeletedObject register(ObjectRef object, String name, String snapshot, Actor actor) {
        DeletedObject entry = new DeletedObject(Ids.newId(), object, name,
                clock.instant().truncatedTo(ChronoUnit.MICROS), actor, snapshot);
        transactions.runInTransaction(connection -> repository.insert(connection, entry));
        return entry;
    }

    @Override
    public Page<DeletedObject> list(String objectType, PageRequest page) {
        return transactions.inTransaction(connection -> repository.list(connection, objectType, page));
    }

    @Override
    public DeletedObject get(UUID entryId) {
        return transactions.inTransaction(connection -> repository.get(connection, entryId))
                .orElseThrow(() -> new NotFoundException(DELETED_OBJECT, entryId));
    }

    @Override
    public void restore(UUID entryId, Actor actor) {
        transactions.runInTransaction(connection -> {
            DeletedObject entry = repository.get(connection, entryId)
                    .orElseThrow(() -> new NotFoundException(DELETED_OBJECT, entryId));
            String state = revisions.restorers().with(entry.object().type(),
                    restorer -> restorer.restoreDeleted(entry.object(), entry.snapshot(), actor));
            revisions.record(entry.object(), RevisionHistoryService.RESTORED, state, actor);
            repository.delete(connection, entryId);
        });
    }

    @Override
    public void purge(UUID entryId, Actor actor) {
        transactions.runInTransaction(connection -> {
            if (!repository.delete(connection, entryId)) {
                throw new NotFoundException(DELETED_OBJECT, entryId);
            }
        });
    }
}
