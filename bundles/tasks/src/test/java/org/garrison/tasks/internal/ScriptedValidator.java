package org.garrison.tasks.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import org.garrison.api.error.FieldError;
import org.garrison.api.plugin.JsonSchemaValidator;

/**
 * Stands in for the plugin platform's JSON Schema validator, whose own tests cover JSON Schema: it answers what the
 * test scripts (nothing wrong by default) and records what it was asked.
 */
final class ScriptedValidator implements JsonSchemaValidator {

    record Call(String schema, Object value) {
    }

    final List<Call> calls = new ArrayList<>();
    private volatile BiFunction<String, Object, List<FieldError>> answer = (schema, value) -> List.of();

    void answer(BiFunction<String, Object, List<FieldError>> answer) {
        this.answer = answer;
    }

    @Override
    public synchronized List<FieldError> validate(String schema, Object value) {
        calls.add(new Call(schema, value));
        return answer.apply(schema, value);
    }
}
