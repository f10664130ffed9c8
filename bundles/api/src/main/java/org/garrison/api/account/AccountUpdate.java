package org.garrison.api.account;

import java.util.List;

/**
 * A change to an account's profile, status or roles. {@code null} leaves a field as it is; an empty string clears an
 * optional text field.
 */
public record AccountUpdate(String login, String fullName, String description, String email, String phone,
        Boolean enabled, List<RoleGrant> grants) {
}
