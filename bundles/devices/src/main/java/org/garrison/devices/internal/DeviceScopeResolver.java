package org.garrison.devices.internal;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.device.DeviceService;
import org.garrison.api.security.ScopeResolver;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Tells the authorisation filter which group a device is in, for methods about one device.
 */
@Component(service = ScopeResolver.class, property = ScopeResolver.OBJECT_KIND + "=" + DeviceService.OBJECT_TYPE)
public class DeviceScopeResolver implements ScopeResolver {

    private final DeviceService devices;

    @Activate
    public DeviceScopeResolver(@Reference DeviceService devices) {
        this.devices = devices;
    }

    @Override
    public Optional<UUID> groupOf(String objectId) {
        UUID id = parse(objectId);
        return id == null ? Optional.empty() : Optional.ofNullable(devices.groupsOf(Set.of(id)).get(id));
    }

    static UUID parse(String id) {
        if (id == null || id.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
