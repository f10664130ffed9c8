package org.garrison.extender.internal.schema;

import java.util.List;

import org.garrison.api.error.FieldError;
import org.garrison.api.plugin.JsonSchemaValidator;
import org.osgi.service.component.annotations.Component;

/**
 * The server's JSON Schema validator, for policies, policy profiles, task parameters and plugin descriptors alike.
 */
@Component(service = {JsonSchemaValidator.class, JsonSchemaService.class})
public class JsonSchemaService implements JsonSchemaValidator {

    private final JsonSchemas schemas = new JsonSchemas();

    @Override
    public List<FieldError> validate(String schema, Object value) {
        return schemas.validate(schema, value);
    }

    /** The compiler behind this service, shared with the extender's descriptor checks (one cache for both). */
    public JsonSchemas schemas() {
        return schemas;
    }
}
