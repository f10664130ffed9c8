package org.garrison.api.audit;

import java.time.Instant;
import java.util.UUID;

import org.garrison.api.Actor;

/**
 * One recorded state of a management object.
 *
 * @param id       the revision's id
 * @param object   the object it belongs to
 * @param number   1 for the first revision of the object, then counting up without gaps
 * @param at       when the change was made
 * @param actor    who made it
 * @param action   what was done, e.g. "created", "renamed", "moved", "updated", "restored"
 * @param snapshot the object's full state after the change, as a JSON document
 * @param changes  what changed against the previous revision, as an RFC 6902 JSON Patch document (an array);
 *                 for the first revision, the patch that creates the whole snapshot
 */
public record Revision(UUID id, ObjectRef object, int number, Instant at, Actor actor, String action,
        String snapshot, String changes) {
}
