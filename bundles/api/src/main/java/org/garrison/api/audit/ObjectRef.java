package org.garrison.api.audit;

import java.util.Objects;
import java.util.UUID;

/**
 * A management object named by its type and id.
 *
 * @param type the object type, lower-case with dashes, e.g. "administration-group", "device"
 * @param id   the object's id
 */
public record ObjectRef(String type, UUID id) {

    public ObjectRef {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }
}
