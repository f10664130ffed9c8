package org.garrison.plugins.devicecontrol.internal.reports;

import java.util.List;
import java.util.stream.Collectors;

import org.garrison.api.error.FieldError;

/**
 * A report of the application that does not follow the schema of its kind, or of a kind this plugin does not know.
 */
public final class InvalidReportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<FieldError> errors;

    public InvalidReportException(String kind, List<FieldError> errors) {
        super("Report of kind '" + kind + "' refused: " + errors.stream().limit(5)
                .map(e -> (e.field().isEmpty() ? "" : e.field() + " ") + e.message())
                .collect(Collectors.joining("; ")) + (errors.size() > 5 ? "; ..." : ""));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
