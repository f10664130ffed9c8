package org.garrison.api.error;

/**
 * One reason why input was refused.
 *
 * @param field   the offending field as a JSON-pointer-like path ("limit", "settings/scan/interval"), or an empty
 *                string when the error concerns the input as a whole
 * @param message what is wrong, e.g. "must be between 1 and 1000"
 */
public record FieldError(String field, String message) {
}
