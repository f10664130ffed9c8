package org.garrison.testkit;

import java.util.List;

import org.garrison.api.error.FieldError;
import org.garrison.api.plugin.JsonSchemaValidator;
import org.garrison.extender.internal.schema.JsonSchemas;

/**
 * The server's own {@link JsonSchemaValidator} (draft 2020-12, formats asserted, no remote references), for unit
 * tests of a plugin's components that take one: a policy, task parameter or report your schema accepts here is
 * accepted by the server, and the field errors read the same.
 */
public final class ServerSchemaValidator implements JsonSchemaValidator {

    private final JsonSchemas schemas = new JsonSchemas();

    @Override
    public List<FieldError> validate(String schema, Object value) {
        return schemas.validate(schema, value);
    }
}
