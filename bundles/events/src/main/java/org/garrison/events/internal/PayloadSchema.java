package org.garrison.events.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.garrison.api.error.FieldError;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks the basic shape of a payload against an event type's JSON Schema without a schema library: the top-level
 * {@code type: object}, {@code required}, each property's {@code type} (one or a list) and string {@code enum},
 * and {@code additionalProperties: false}. Everything else in the schema is documentation as far as ingest goes.
 */
final class PayloadSchema {

    private final JsonNode schema;

    private PayloadSchema(JsonNode schema) {
        this.schema = schema;
    }

    /** The schema in the text, or {@code null} when the text is not a JSON object (the type is then unchecked). */
    static PayloadSchema parse(String text, PayloadCodec codec) {
        if (text == null || text.isBlank()) {
            return null;
        }
        JsonNode node = codec.tree(text);
        return node != null && node.isObject() ? new PayloadSchema(node) : null;
    }

    /**
     * @param field the name of the payload field in error reports, e.g. {@code [3].payload}
     */
    List<FieldError> check(String field, Map<String, Object> payload, PayloadCodec codec) {
        List<FieldError> errors = new ArrayList<>();
        JsonNode value = codec.tree(payload);
        JsonNode properties = schema.path("properties");
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                errors.add(new FieldError(field + "/" + required.asText(), "is required"));
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode property = properties.get(entry.getKey());
            String name = field + "/" + entry.getKey();
            if (property == null) {
                if (schema.path("additionalProperties").isBoolean()
                        && !schema.path("additionalProperties").asBoolean()) {
                    errors.add(new FieldError(name, "is not a field of this event type"));
                }
                continue;
            }
            JsonNode type = property.get("type");
            if (type != null && !matchesType(type, entry.getValue())) {
                errors.add(new FieldError(name, "must be of type " + describe(type)));
                continue;
            }
            JsonNode allowed = property.get("enum");
            if (allowed != null && allowed.isArray() && !contains(allowed, entry.getValue())) {
                errors.add(new FieldError(name, "must be one of " + allowed));
            }
        }
        return errors;
    }

    private static boolean matchesType(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (matches(one.asText(), value)) {
                    return true;
                }
            }
            return false;
        }
        return matches(type.asText(), value);
    }

    private static boolean matches(String type, JsonNode value) {
        return switch (type) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber()
                    || value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0;
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "null" -> value.isNull();
            default -> true;
        };
    }

    private static boolean contains(JsonNode allowed, JsonNode value) {
        for (JsonNode one : allowed) {
            if (one.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(JsonNode type) {
        if (!type.isArray()) {
            return type.asText();
        }
        List<String> names = new ArrayList<>();
        type.forEach(one -> names.add(one.asText()));
        return String.join(" or ", names);
    }
}
