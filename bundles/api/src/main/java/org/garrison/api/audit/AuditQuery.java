package org.garrison.api.audit;

import java.time.Instant;

/**
 * Which audit-log entries to list or export; {@code null} criteria do not filter.
 *
 * @param from       entries at or after this instant
 * @param to         entries before this instant
 * @param actorId    entries of this actor id (account id)
 * @param objectType entries about this kind of object
 * @param objectId   entries about this object
 * @param outcome    entries with this outcome
 */
public record AuditQuery(Instant from, Instant to, String actorId, String objectType, String objectId,
        String outcome) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null);
    }
}
