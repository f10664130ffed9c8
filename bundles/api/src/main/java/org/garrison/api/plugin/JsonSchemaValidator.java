package org.garrison.api.plugin;

import java.util.List;

import org.garrison.api.error.FieldError;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Validates JSON values against JSON Schemas (draft 2020-12), the way the server validates policies, policy
 * profiles and task parameters against a plugin's schemas. Compiled schemas are cached by their text.
 */
@ProviderType
public interface JsonSchemaValidator {

    /**
     * @param schema the schema as JSON text
     * @param value  the value as Jackson-compatible Java objects (maps, lists, strings, numbers, booleans, null)
     * @return what is wrong, each with the JSON-pointer-like path of the offending value (e.g.
     *         {@code scan/interval}); empty when the value is valid
     * @throws org.garrison.api.error.ValidationException if the schema itself is not a valid JSON Schema
     */
    List<FieldError> validate(String schema, Object value);
}
