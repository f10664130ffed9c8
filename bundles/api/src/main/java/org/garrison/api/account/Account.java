package org.garrison.api.account;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An administrator's account. Never carries the password or its hash.
 *
 * @param id                 stable id
 * @param login              the sign-in name, unique ignoring case
 * @param fullName           the person's name
 * @param description        a free note
 * @param email              the e-mail address
 * @param phone              the main phone number
 * @param enabled            whether the account may sign in
 * @param mustChangePassword whether the next sign-in must change the password first
 * @param secondFactor       whether a TOTP second factor is enrolled
 * @param lastSignIn         the last successful sign-in, or {@code null}
 * @param createdAt          when the account was created
 * @param grants             the roles granted, each on a group subtree
 */
public record Account(UUID id, String login, String fullName, String description, String email, String phone,
        boolean enabled, boolean mustChangePassword, boolean secondFactor, Instant lastSignIn, Instant createdAt,
        List<RoleGrant> grants) {

    public Account {
        grants = grants == null ? List.of() : List.copyOf(grants);
    }
}
