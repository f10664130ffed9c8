package org.garrison.api.audit;

import java.time.Instant;
import java.util.UUID;

import org.garrison.api.Actor;

/**
 * An entry of the registry of deleted objects.
 *
 * @param id        the entry's id (not the object's)
 * @param object    the deleted object
 * @param name      the object's display name when it was deleted
 * @param deletedAt when
 * @param actor     by whom
 * @param snapshot  the object's full state before deletion, as a JSON document
 */
public record DeletedObject(UUID id, ObjectRef object, String name, Instant deletedAt, Actor actor,
        String snapshot) {
}
