package org.garrison.audit.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.garrison.api.Actor;
import org.garrison.api.audit.DeletedObject;
import org.garrison.api.audit.Revision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The wire forms of revisions and deleted objects: snapshots and patches travel as JSON, not as strings holding
 * JSON.
 */
final class AuditViews {

    private final ObjectMapper mapper = new ObjectMapper();

    @Schema(name = "Revision", description = "One recorded state of a management object")
    record RevisionView(
            UUID id,
            @Schema(description = "Type of the object, e.g. administration-group") String objectType,
            UUID objectId,
            @Schema(description = "1 for the object's first revision, counting up without gaps") int number,
            Instant at,
            Actor actor,
            @Schema(description = "created, renamed, moved, updated, restored, ...") String action,
            @Schema(implementation = Object.class, description = "The object's full state after the change")
            JsonNode snapshot,
            @ArraySchema(arraySchema = @Schema(description = "RFC 6902 JSON Patch from the previous revision's "
                    + "snapshot to this one (the first revision adds every member)"),
                    schema = @Schema(implementation = PatchOperation.class))
            JsonNode changes) {
    }

    @Schema(name = "JsonPatchOperation", description = "One operation of an RFC 6902 JSON Patch")
    record PatchOperation(
            @Schema(allowableValues = {"add", "remove", "replace"}) String op,
            @Schema(description = "RFC 6901 JSON Pointer") String path,
            @Schema(implementation = Object.class, description = "The new value (add and replace)") Object value) {
    }

    @Schema(name = "RevisionPage", description = "A page of revisions")
    record RevisionPage(List<RevisionView> items, String nextCursor, Long total) {
    }

    @Schema(name = "DeletedObjectPage", description = "A page of deleted objects")
    record DeletedObjectPage(List<DeletedObjectView> items, String nextCursor, Long total) {
    }

    @Schema(name = "DeletedObject", description = "An entry of the registry of deleted objects")
    record DeletedObjectView(
            @Schema(description = "The entry's id (not the object's)") UUID id,
            String objectType,
            UUID objectId,
            @Schema(description = "The object's name when it was deleted") String name,
            Instant deletedAt,
            Actor actor,
            @Schema(implementation = Object.class, description = "The object's full state before deletion")
            JsonNode snapshot) {
    }

    RevisionView of(Revision revision) {
        return new RevisionView(revision.id(), revision.object().type(), revision.object().id(), revision.number(),
                revision.at(), revision.actor(), revision.action(), json(revision.snapshot()),
                json(revision.changes()));
    }

    DeletedObjectView of(DeletedObject entry) {
        return new DeletedObjectView(entry.id(), entry.object().type(), entry.object().id(), entry.name(),
                entry.deletedAt(), entry.actor(), json(entry.snapshot()));
    }

    private JsonNode json(String stored) {
        try {
            return mapper.readTree(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
