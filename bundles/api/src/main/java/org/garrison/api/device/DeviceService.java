package org.garrison.api.device;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The managed devices.
 */
@ProviderType
public interface DeviceService {

    /** The object type used in revision history and the deleted-objects registry. */
    String OBJECT_TYPE = "device";

    /**
     * The administration group each of the given devices is in. Unknown ids are left out of the answer.
     */
    Map<UUID, UUID> groupsOf(Set<UUID> deviceIds);
}
