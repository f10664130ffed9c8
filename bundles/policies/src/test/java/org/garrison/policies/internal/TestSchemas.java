package org.garrison.policies.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.garrison.api.error.FieldError;
import org.garrison.api.plugin.JsonSchemaValidator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;

/**
 * JSON Schema 2020-12 validation with the library the server's extender uses, reporting paths the way the
 * {@link JsonSchemaValidator} contract asks: {@code scan/interval}, the missing property named for {@code required}.
 */
final class TestSchemas implements JsonSchemaValidator {

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    @Override
    public List<FieldError> validate(String schema, Object value) {
        Schema compiledSchema = compiled.computeIfAbsent(schema, registry::getSchema);
        List<FieldError> errors = new ArrayList<>();
        for (Error error : compiledSchema.validate(mapper.valueToTree(value))) {
            StringBuilder path = new StringBuilder();
            NodePath at = error.getInstanceLocation();
            for (int i = 0; i < at.getNameCount(); i++) {
                append(path, at.getName(i));
            }
            if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
                append(path, error.getProperty());
            }
            errors.add(new FieldError(path.toString(), error.getMessage()));
        }
        return errors;
    }

    private static void append(StringBuilder path, String key) {
        if (!path.isEmpty()) {
            path.append('/');
        }
        path.append(key.replace("~", "~0").replace("/", "~1"));
    }
}
