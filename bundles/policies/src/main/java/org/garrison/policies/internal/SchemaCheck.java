package org.garrison.policies.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.garrison.api.error.ConflictException;
import org.garrison.api.error.FieldError;
import org.garrison.api.error.ValidationException;
import org.garrison.api.plugin.JsonSchemaValidator;
import org.garrison.api.policy.PolicyProfile;

/**
 * Checks a policy's settings against its application's settings schema the way devices get them: merged over what
 * the policy inherits, and each profile merged over that. A problem of the policy's own settings is reported once,
 * under {@code settings/...}, not again for every profile.
 *
 * @param application the application, for messages
 * @param schema      the application's settings schema (JSON text)
 * @param validator   the validator
 */
record SchemaCheck(String application, String schema, JsonSchemaValidator validator) {

    List<FieldError> problems(PolicyChain inherited, Map<String, Object> settings, List<PolicyProfile> profiles) {
        List<FieldError> own = validate(PolicyLayers.mergeOver(inherited, List.of(settings)), "settings");
        Set<String> known = new HashSet<>();
        own.forEach(error -> known.add(error.field().substring("settings".length()) + " " + error.message()));
        List<FieldError> problems = new ArrayList<>(own);
        for (int i = 0; i < profiles.size(); i++) {
            String prefix = "profiles/" + i + "/settings";
            for (FieldError error : validate(PolicyLayers.mergeOver(inherited,
                    List.of(settings, profiles.get(i).settings())), prefix)) {
                if (!known.contains(error.field().substring(prefix.length()) + " " + error.message())) {
                    problems.add(error);
                }
            }
        }
        return problems;
    }

    private List<FieldError> validate(Map<String, Object> merged, String prefix) {
        List<FieldError> found;
        try {
            found = validator.validate(schema, merged);
        } catch (ValidationException badSchema) {
            throw new ConflictException("The settings schema of the application " + application
                    + " cannot be used: " + badSchema.getMessage());
        }
        List<FieldError> problems = new ArrayList<>(found.size());
        for (FieldError error : found) {
            String field = error.field() == null ? "" : error.field();
            field = field.startsWith("/") ? field.substring(1) : field;
            problems.add(new FieldError(field.isEmpty() ? prefix : prefix + "/" + field, error.message()));
        }
        return problems;
    }
}
