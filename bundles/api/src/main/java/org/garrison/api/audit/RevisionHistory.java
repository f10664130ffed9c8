package org.garrison.api.audit;

import java.util.UUID;

import org.garrison.api.Actor;
import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The revision history of every management object.
 */
@ProviderType
public interface RevisionHistory {

    /**
     * Records the object's new state. Call it inside the transaction that made the change (it joins it through
     * {@code Transactions}), so the change and its revision are stored together or not at all.
     *
     * @param snapshot the object's full state after the change, as a JSON object
     * @return the revision, with its number and its changes against the previous revision
     */
    Revision record(ObjectRef object, String action, String snapshot, Actor actor);

    /** The object's revisions, newest first. An object without revisions gives an empty page. */
    Page<Revision> revisions(ObjectRef object, PageRequest page);

    /**
     * One revision.
     *
     * @throws org.garrison.api.error.NotFoundException if there is none with this id
     */
    Revision revision(UUID revisionId);

    /**
     * Puts the object back into the state of one of its revisions, through the {@link ObjectRestorer} registered for
     * its type, and records that as a new revision (action "restored").
     *
     * @throws org.garrison.api.error.NotFoundException if the revision does not exist
     * @throws org.garrison.api.error.ConflictException if no restorer handles the type, or the restorer refuses
     *         (e.g. the object has been deleted since)
     */
    Revision restore(UUID revisionId, Actor actor);
}
