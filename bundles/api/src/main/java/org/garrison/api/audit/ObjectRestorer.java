package org.garrison.api.audit;

import org.garrison.api.Actor;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Restores objects of one type from their JSON snapshots. The area owning the type registers one as an OSGi
 * service; the revision history and the deleted-objects registry call it inside their transaction.
 */
@ConsumerType
public interface ObjectRestorer {

    /** The object type handled, e.g. "administration-group". */
    String objectType();

    /**
     * Puts an existing object back into the state of a snapshot.
     *
     * @return the object's state after restoring, as a JSON object (recorded as a new revision)
     * @throws org.garrison.api.error.ConflictException if it cannot (e.g. the object no longer exists)
     */
    String restoreRevision(ObjectRef object, String snapshot, Actor actor);

    /**
     * Recreates a deleted object from its snapshot.
     *
     * @return the object's state after restoring, as a JSON object (recorded as a new revision)
     * @throws org.garrison.api.error.ConflictException if it cannot (e.g. its parent no longer exists)
     */
    String restoreDeleted(ObjectRef object, String snapshot, Actor actor);
}
