package org.garrison.api.device;

import java.util.List;

/**
 * How the devices that have a managed application stand with its active licence key. Each device counts in exactly
 * one of {@code withoutKey}, {@code expired}, {@code expiring} and {@code valid}.
 *
 * @param withoutKey devices without an active key
 * @param expired    devices whose active key expired
 * @param expiring   devices whose active key expires within the window asked for
 * @param valid      devices whose active key expires later, or never
 * @param keys       the active keys used by the most devices, most devices first, each masked
 */
public record LicenceUsage(long withoutKey, long expired, long expiring, long valid, List<KeyUsage> keys) {

    public LicenceUsage {
        keys = keys == null ? List.of() : List.copyOf(keys);
    }
}
