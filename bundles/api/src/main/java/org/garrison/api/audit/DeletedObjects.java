package org.garrison.api.audit;

import java.util.UUID;

import org.garrison.api.Actor;
import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The registry of deleted management objects: what was deleted, by whom, with a snapshot to restore from.
 */
@ProviderType
public interface DeletedObjects {

    /**
     * Registers an object that is being deleted. Call it inside the deleting transaction.
     *
     * @param snapshot the object's full state before deletion, as a JSON object
     */
    DeletedObject register(ObjectRef object, String name, String snapshot, Actor actor);

    /** Deleted objects, newest first, optionally of one type only ({@code null} for all). */
    Page<DeletedObject> list(String objectType, PageRequest page);

    /**
     * @throws org.garrison.api.error.NotFoundException if there is no entry with this id
     */
    DeletedObject get(UUID entryId);

    /**
     * Recreates the object from its snapshot through the {@link ObjectRestorer} of its type, removes the entry and
     * records a revision (action "restored").
     *
     * @throws org.garrison.api.error.NotFoundException if there is no entry with this id
     * @throws org.garrison.api.error.ConflictException if no restorer handles the type or the restorer refuses
     *         (e.g. the parent group no longer exists, or the name is taken)
     */
    void restore(UUID entryId, Actor actor);

    /**
     * Removes the entry for good.
     *
     * @throws org.garrison.api.error.NotFoundException if there is no entry with this id
     */
    void purge(UUID entryId, Actor actor);
}
