package org.garrison.devices.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.device.DeviceService;
import org.junit.jupiter.api.Test;

class DeviceScopeResolverTest {

    private static final UUID DEVICE = UUID.randomUUID();
    private static final UUID GROUP = UUID.randomUUID();

    private final DeviceScopeResolver resolver = new DeviceScopeResolver(oneDevice());

    @Test
    void aDeviceBelongsToItsGroup() {
        assertEquals(Optional.of(GROUP), resolver.groupOf(DEVICE.toString()));
    }

    @Test
    void unknownAndMalformedIdsResolveToNothing() {
        assertEquals(Optional.empty(), resolver.groupOf(UUID.randomUUID().toString()));
        assertEquals(Optional.empty(), resolver.groupOf("not-a-device"));
        assertEquals(Optional.empty(), resolver.groupOf("1-1-1-1-1"));
        assertEquals(Optional.empty(), resolver.groupOf(null));
    }

    /** A device service that knows one device; only groupsOf is implemented. */
    private static DeviceService oneDevice() {
        return (DeviceService) Proxy.newProxyInstance(DeviceService.class.getClassLoader(),
                new Class<?>[] {DeviceService.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("groupsOf")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    @SuppressWarnings("unchecked")
                    Set<UUID> ids = (Set<UUID>) args[0];
                    return ids.contains(DEVICE) ? Map.of(DEVICE, GROUP) : Map.of();
                });
    }
}
