package org.garrison.accounts.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * An account row as stored: personal fields and TOTP secrets still encrypted.
 */
record StoredAccount(UUID id, String loginKey, String login, String fullName, String description, String email,
        String phone, String passwordHash, boolean enabled, boolean mustChangePassword, String totpSecret,
        String totpPendingSecret, Long totpLastStep, Instant lastSignIn, Instant createdAt, Instant modifiedAt) {

    boolean secondFactor() {
        return totpSecret != null;
    }

    StoredAccount withProfile(String newLoginKey, String newLogin, String newFullName, String newDescription,
            String newEmail, String newPhone, boolean newEnabled, Instant at) {
        return new StoredAccount(id, newLoginKey, newLogin, newFullName, newDescription, newEmail, newPhone,
                passwordHash, newEnabled, mustChangePassword, totpSecret, totpPendingSecret, totpLastStep, lastSignIn,
                createdAt, at);
    }

    @Override
    public String toString() {
        return "StoredAccount[id=" + id + "]";
    }
}
