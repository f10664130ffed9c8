package org.garrison.api.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.garrison.api.Actor;

/**
 * One state-changing call, as the audit log keeps it.
 *
 * @param id            stable id (assigned when recorded)
 * @param at            when the call was answered
 * @param actor         who made it
 * @param action        what was done, e.g. {@code POST /devices/{id}/tags} or {@code sign-in}
 * @param objectType    the kind of object acted on, e.g. {@code device}, or empty
 * @param objectId      the object's id, or empty
 * @param remoteAddress the caller's network address
 * @param status        the HTTP status of the answer
 * @param outcome       {@code success}, {@code denied} (401/403), {@code refused} (other 4xx) or {@code failed} (5xx)
 */
public record AuditEntry(UUID id, Instant at, Actor actor, String action, String objectType, String objectId,
        String remoteAddress, int status, String outcome) {

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        objectType = objectType == null ? "" : objectType;
        objectId = objectId == null ? "" : objectId;
        remoteAddress = remoteAddress == null ? "" : remoteAddress;
        outcome = outcome == null ? outcomeOf(status) : outcome;
    }

    /** The outcome a status stands for. */
    public static String outcomeOf(int status) {
        if (status == 401 || status == 403) {
            return "denied";
        }
        return status >= 500 ? "failed" : status >= 400 ? "refused" : "success";
    }
}
