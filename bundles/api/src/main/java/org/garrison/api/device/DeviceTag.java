package org.garrison.api.device;

import java.util.Objects;

/**
 * A tag on a device, with who set it.
 *
 * @param name   the tag, 1–128 characters, compared case-insensitively
 * @param source {@value #ADMIN} for tags set by admins, otherwise the id of the managed application that set it
 */
public record DeviceTag(String name, String source) {

    /** The source of tags set by admins. */
    public static final String ADMIN = "admin";

    public DeviceTag {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
    }
}
