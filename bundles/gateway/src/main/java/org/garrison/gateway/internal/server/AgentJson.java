package org.garrison.gateway.internal.server;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.garrison.gateway.internal.GatewayRefusal;

/**
 * The agent protocol's JSON dialect: ISO-8601 instants, no nulls on output, unknown members ignored (so later agents
 * can add members, docs/agent-protocol.md), but a member of the wrong type refused — no numbers for enums, no
 * strings for numbers, no scalars coerced — and nesting bounded so no document can exhaust the stack.
 */
public final class AgentJson {

    /** Deep enough for any message of the protocol (an inventory report nests about six levels). */
    private static final int MAX_NESTING_DEPTH = 40;

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final ObjectMapper mapper;

    public AgentJson() {
        mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
        mapper.getFactory().setStreamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build());
        mapper.coercionConfigDefaults()
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }

    /**
     * Reads a request body.
     *
     * @throws GatewayRefusal {@code 400 malformed} naming where the body went wrong
     */
    public <T> T read(byte[] body, Class<T> type) {
        if (body.length == 0) {
            throw new GatewayRefusal(400, "malformed", "The request body is empty");
        }
        T value;
        try {
            value = mapper.readValue(body, type);
        } catch (JsonMappingException e) {
            throw new GatewayRefusal(400, "malformed", describe(e));
        } catch (JsonProcessingException e) {
            throw new GatewayRefusal(400, "malformed", "The request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new GatewayRefusal(400, "malformed", "The request body could not be read");
        } catch (RuntimeException e) {
            // a record's constructor refusing a value (e.g. a null element in a list) arrives unwrapped here
            throw new GatewayRefusal(400, "malformed", "The request body has a value of the wrong form");
        }
        if (value == null) {
            throw new GatewayRefusal(400, "malformed", "The request body must be a JSON object");
        }
        return value;
    }

    /** Writes a value as JSON text (answers, stored JSON columns). */
    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON of " + value.getClass().getSimpleName(), e);
        }
    }

    /** Writes a value as UTF-8 JSON. */
    public byte[] writeBytes(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON of " + value.getClass().getSimpleName(), e);
        }
    }

    /** Reads a JSON object the gateway stored itself. */
    public Map<String, Object> readObject(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return mapper.readValue(json, OBJECT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON is unreadable", e);
        }
    }

    /** The length of a value's JSON text, for the protocol's size limits. */
    public int length(Object value) {
        return write(value).length();
    }

    private static String describe(JsonMappingException e) {
        String path = path(e);
        String problem = e.getOriginalMessage();
        int cut = problem.indexOf('\n');
        if (cut > 0) {
            problem = problem.substring(0, cut);
        }
        if (problem.length() > 300) {
            problem = problem.substring(0, 300);
        }
        return path.isEmpty() ? "The request body is malformed: " + problem
                : "The member " + path + " is malformed: " + problem;
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
