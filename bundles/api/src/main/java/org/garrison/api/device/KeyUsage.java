package org.garrison.api.device;

import java.time.Instant;

/**
 * One licence key and the devices that use it as their active key. The key is masked: an ellipsis followed by at
 * most its last five characters (fewer for short keys), so that an overview never discloses a usable key.
 *
 * @param key       the masked key, e.g. "…7K3QF"
 * @param devices   how many devices use it
 * @param expiresAt when it expires (the earliest expiry the devices report for it), or {@code null} if it does not
 */
public record KeyUsage(String key, long devices, Instant expiresAt) {
}
