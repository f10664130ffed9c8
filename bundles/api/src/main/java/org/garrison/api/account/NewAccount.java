package org.garrison.api.account;

import java.util.List;

/**
 * What an administrator gives to create an account.
 *
 * @param login              required, 1-64 characters, unique ignoring case
 * @param fullName           optional
 * @param description        optional
 * @param email              optional, a plausible address when given
 * @param phone              optional
 * @param password           required, must satisfy the password policy
 * @param mustChangePassword whether the person must choose their own password at first sign-in
 * @param grants             the roles to grant
 */
public record NewAccount(String login, String fullName, String description, String email, String phone,
        String password, boolean mustChangePassword, List<RoleGrant> grants) {

    public NewAccount {
        grants = grants == null ? List.of() : List.copyOf(grants);
    }

    @Override
    public String toString() {
        return "NewAccount[login=" + login + "]";
    }
}
