package org.garrison.groups.internal;

import java.util.Locale;

import org.garrison.api.error.ValidationException;

/**
 * The rules for group names: trimmed, 1-255 characters, no control characters; siblings may not share a name
 * regardless of case.
 */
final class GroupNames {

    static final int MAX_LENGTH = 255;

    private GroupNames() {
    }

    /**
     * The name as it will be stored.
     *
     * @throws ValidationException if it is missing, empty after trimming, too long or holds control characters
     */
    static String validate(String field, String name) {
        if (name == null) {
            throw new ValidationException(field, "is required");
        }
        String trimmed = name.strip();
        if (trimmed.isEmpty()) {
            throw new ValidationException(field, "must not be empty");
        }
        if (trimmed.length() > MAX_LENGTH) {
            throw new ValidationException(field, "must be at most " + MAX_LENGTH + " characters long");
        }
        if (trimmed.codePoints().anyMatch(Character::isISOControl)) {
            throw new ValidationException(field, "must not contain control characters such as line breaks or tabs");
        }
        return trimmed;
    }

    /** What siblings' names are compared by. */
    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
