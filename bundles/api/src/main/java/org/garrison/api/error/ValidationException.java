package org.garrison.api.error;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input that is well formed but not acceptable: out of range, missing, or not matching a schema. Carries every
 * problem found, so a caller can fix them all at once.
 */
public class ValidationException extends GarrisonException {

    private static final long serialVersionUID = 1L;

    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super(describe(errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a validation exception needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    public ValidationException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    @Override
    public String title() {
        return "Invalid input";
    }

    private static String describe(List<FieldError> errors) {
        return errors.stream()
                .map(e -> e.field().isEmpty() ? e.message() : e.field() + " " + e.message())
                .collect(Collectors.joining("; "));
    }
}
