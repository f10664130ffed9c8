package org.garrison.api.device;

import java.util.List;

/**
 * A change of a device's admin fields. {@code null} fields stay unchanged.
 *
 * @param displayName the new display name, 1–255 characters
 * @param description the new description, at most 2000 characters; empty to clear it
 * @param tags        the new admin tags (replacing the admin's tags; tags set by applications stay)
 */
public record DeviceUpdate(String displayName, String description, List<String> tags) {

    public DeviceUpdate {
        tags = tags == null ? null : List.copyOf(tags);
    }
}
