package org.garrison.api.security;

import java.util.Objects;

/**
 * A permission roles can be built from.
 *
 * @param id          the id, {@code <area>.<action>} in lower case, e.g. {@code devices.write}; a plugin prefixes its
 *                    own with its plugin id, e.g. {@code acme-av.scan}
 * @param area        the functional area the console groups it under
 * @param description what it allows, for the role editor
 * @param groupScoped whether it holds within granted group subtrees ({@code true}) or concerns the whole server
 */
public record PermissionDefinition(String id, String area, String description, boolean groupScoped) {

    public PermissionDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(area, "area");
        description = description == null ? "" : description;
    }
}
