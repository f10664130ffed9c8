package org.garrison.audit.internal;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Computes the RFC 6902 JSON Patch that turns one JSON document into another, using only {@code add},
 * {@code remove} and {@code replace} with RFC 6901 pointers. Objects are compared member by member; arrays are
 * compared by index (extra elements are added at the end or removed from the end, last first, so that every
 * operation's index is valid when it is applied in order).
 */
final class JsonDiff {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonDiff() {
    }

    /** The patch from {@code source} to {@code target}; an empty array when they are equal. */
    static ArrayNode diff(JsonNode source, JsonNode target) {
        ArrayNode patch = NODES.arrayNode();
        diff("", source, target, patch);
        return patch;
    }

    /** Escapes one member name or index as a JSON Pointer reference token (RFC 6901). */
    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static void diff(String path, JsonNode source, JsonNode target, ArrayNode patch) {
        if (source.equals(target)) {
            return;
        }
        if (source.isObject() && target.isObject()) {
            diffObjects(path, (ObjectNode) source, (ObjectNode) target, patch);
        } else if (source.isArray() && target.isArray()) {
            diffArrays(path, (ArrayNode) source, (ArrayNode) target, patch);
        } else {
            patch.add(operation("replace", path).set("value", target.deepCopy()));
        }
    }

    private static void diffObjects(String path, ObjectNode source, ObjectNode target, ArrayNode patch) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = source.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            String child = path + "/" + escape(field.getKey());
            JsonNode other = target.get(field.getKey());
            if (other == null) {
                patch.add(operation("remove", child));
            } else {
                diff(child, field.getValue(), other, patch);
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = target.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!source.has(field.getKey())) {
                patch.add(operation("add", path + "/" + escape(field.getKey()))
                        .set("value", field.getValue().deepCopy()));
            }
        }
    }

    private static void diffArrays(String path, ArrayNode source, ArrayNode target, ArrayNode patch) {
        int common = Math.min(source.size(), target.size());
        for (int i = 0; i < common; i++) {
            diff(path + "/" + i, source.get(i), target.get(i), patch);
        }
        for (int i = source.size() - 1; i >= target.size(); i--) {
            patch.add(operation("remove", path + "/" + i));
        }
        for (int i = source.size(); i < target.size(); i++) {
            patch.add(operation("add", path + "/" + i).set("value", target.get(i).deepCopy()));
        }
    }

    private static ObjectNode operation(String op, String path) {
        ObjectNode operation = NODES.objectNode();
        operation.put("op", op);
        operation.put("path", path);
        return operation;
    }
}
