package org.garrison.accounts.internal;

import java.util.List;
import java.util.Locale;
import java.util.function.BiPredicate;

import org.garrison.api.error.ValidationException;

/**
 * What a new password must satisfy: a length range, not the login (or containing it), and none of the most recent
 * passwords of the account.
 *
 * @param minLength  the fewest characters (Unicode code points)
 * @param maxLength  the most characters
 * @param remembered how many recent passwords, the current one included, may not be used again
 */
record PasswordPolicy(int minLength, int maxLength, int remembered) {

    static final PasswordPolicy DEFAULT = new PasswordPolicy(12, 1024, 5);

    /**
     * @param field   the field named in the refusal, e.g. {@code password} or {@code newPassword}
     * @param login   the account's login
     * @param recent  stored hashes of the most recent passwords, newest first
     * @param matches whether a password matches a stored hash
     * @throws ValidationException naming the field when the password is not acceptable
     */
    void check(String field, String password, String login, List<String> recent,
            BiPredicate<String, String> matches) {
        if (password == null || password.isEmpty()) {
            throw new ValidationException(field, "is required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < minLength) {
            throw new ValidationException(field, "must have at least " + minLength + " characters");
        }
        if (length > maxLength) {
            throw new ValidationException(field, "must have at most " + maxLength + " characters");
        }
        if (password.isBlank()) {
            throw new ValidationException(field, "must not be only spaces");
        }
        if (login != null && !login.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(login.trim().toLowerCase(Locale.ROOT))) {
            throw new ValidationException(field, "must not be or contain the login");
        }
        for (String hash : recent.subList(0, Math.min(remembered, recent.size()))) {
            if (matches.test(password, hash)) {
                throw new ValidationException(field, "must not be one of the last " + remembered + " passwords");
            }
        }
    }
}
