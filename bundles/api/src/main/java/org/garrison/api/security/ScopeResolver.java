package org.garrison.api.security;

import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Tells the authorisation filter which administration group an object of one kind belongs to. Register it as a
 * service with the property {@link #OBJECT_KIND} (e.g. {@code device}); {@link RequiresPermission#objectKind()}
 * names it.
 */
@ConsumerType
public interface ScopeResolver {

    /** The service property naming the object kind this resolver answers for. */
    String OBJECT_KIND = "garrison.object.kind";

    /**
     * The group the object belongs to; empty when there is no such object (or the id is malformed), so the resource
     * can answer 404 itself.
     */
    Optional<UUID> groupOf(String objectId);
}
