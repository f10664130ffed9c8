package org.garrison.events.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Converts event payloads between their Java form (a JSON object as maps and lists) and the JSON text stored in the
 * database.
 */
public final class PayloadCodec {

    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final ObjectMapper mapper = new ObjectMapper();

    /** The payload as JSON text, or {@code null} for an empty payload (stored as SQL NULL). */
    public String write(Map<String, Object> payload) {
        if (payload == null || payload.isEmpty()) {
            return null;
        }
        try {
            return mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("payload cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The payload read back from its JSON text; empty for SQL NULL. */
    public Map<String, Object> read(String json) {
        if (json == null || json.isEmpty()) {
            return Map.of();
        }
        try {
            return mapper.readValue(json, OBJECT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored payload is not a JSON object: " + e.getOriginalMessage(), e);
        }
    }

    /** A JSON document as a tree, or {@code null} when the text is not JSON. */
    public JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** A Java value as a tree, for schema checks. */
    public JsonNode tree(Object value) {
        return mapper.valueToTree(value);
    }

    /** A JSON document as maps and lists, or {@code null} when the text is not a JSON object. */
    public Map<String, Object> object(String json) {
        try {
            return mapper.readValue(json, OBJECT);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
