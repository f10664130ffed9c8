package org.garrison.policies.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.garrison.api.device.Device;
import org.garrison.api.device.DeviceService;
import org.garrison.api.device.DeviceTag;
import org.garrison.api.device.HardwareComponent;
import org.garrison.api.device.OsType;
import org.garrison.api.device.UserAccount;

/**
 * What profile rules look at on a device. The user accounts and the hardware registry are read only when a rule
 * asks for them, and then once.
 *
 * @param deviceId        the device
 * @param groupId         its administration group
 * @param tags            its tags (compared ignoring case)
 * @param networkLocation its reported network location, or {@code null}
 * @param lastVisible     when the server last saw it, or {@code null}
 * @param osType          its operating system's family, or {@code null}
 * @param osName          its operating system's name, or {@code null}
 * @param users           its user accounts
 * @param hardware        its hardware registry
 */
public record DeviceFacts(UUID deviceId, UUID groupId, Set<String> tags, String networkLocation,
        Instant lastVisible, OsType osType, String osName, Supplier<List<UserAccount>> users,
        Supplier<List<HardwareComponent>> hardware) {

    public DeviceFacts {
        tags = tags.stream().map(tag -> tag.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        users = once(users);
        hardware = once(hardware);
    }

    /** The facts of a stored device; its accounts and hardware are read from the device service when needed. */
    public static DeviceFacts of(Device device, DeviceService devices) {
        return new DeviceFacts(device.id(), device.groupId(), names(device.tags()),
                device.network() == null ? null : device.network().networkLocation(),
                device.activity() == null ? null : device.activity().lastVisible(),
                device.os() == null ? null : device.os().type(), device.os() == null ? null : device.os().name(),
                () -> devices.users(device.id()).accounts(), () -> devices.hardware(device.id()));
    }

    private static Set<String> names(List<DeviceTag> tags) {
        return tags.stream().map(DeviceTag::name).collect(Collectors.toSet());
    }

    private static <T> Supplier<T> once(Supplier<T> supplier) {
        if (supplier instanceof Once<T>) {
            return supplier;
        }
        return new Once<>(supplier);
    }

    /** Asks its supplier on the first call only. */
    private static final class Once<T> implements Supplier<T> {

        private final Supplier<T> supplier;
        private T value;
        private boolean known;

        Once(Supplier<T> supplier) {
            this.supplier = supplier;
        }

        @Override
        public synchronized T get() {
            if (!known) {
                value = supplier.get();
                known = true;
            }
            return value;
        }
    }
}
