package org.garrison.api.event;

import java.util.List;
import java.util.UUID;

/**
 * What {@link EventService#ingest(java.util.List)} did.
 *
 * @param stored     how many events were stored
 * @param duplicates how many events were not stored because an event with their id already was (or came earlier in
 *                   the same call)
 * @param ids        the id of every submitted event, in submission order (assigned ones included)
 */
public record IngestResult(int stored, int duplicates, List<UUID> ids) {

    public IngestResult {
        ids = List.copyOf(ids);
    }
}
