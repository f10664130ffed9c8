package org.garrison.extender.internal.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.garrison.api.error.FieldError;
import org.garrison.api.error.ValidationException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;

/**
 * Compiles JSON Schemas (draft 2020-12) and validates values against them, with networknt's validator. A schema is
 * first checked against the 2020-12 meta-schema, so a typo such as {@code "type": "strng"} is reported instead of
 * silently accepting everything. Only the meta-schemas shipped inside the library are ever loaded: a {@code $ref} to
 * any other URL fails instead of reaching out to the network. Compiled schemas are kept by their text, at most
 * {@link #CACHE_SIZE} of them, least recently used first out.
 */
public final class JsonSchemas {

    /** How many compiled schemas are kept. Plugins bring a few dozen; policies and tasks reuse them constantly. */
    static final int CACHE_SIZE = 256;

    private static final String META_SCHEMA = SpecificationVersion.DRAFT_2020_12.getDialectId();

    private final ObjectMapper mapper = new ObjectMapper();
    private final SchemaRegistry registry;
    private final Schema metaSchema;
    private final Map<String, Schema> compiled = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Schema> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    public JsonSchemas() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .formatAssertionsEnabled(true)
                .locale(Locale.ENGLISH)
                .build();
        this.registry = withLibraryLoader(() -> SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(config)));
        this.metaSchema = withLibraryLoader(() -> {
            Schema meta = registry.getSchema(SchemaLocation.of(META_SCHEMA));
            meta.initializeValidators();
            return meta;
        });
    }

    /**
     * @param schema the schema as JSON text
     * @param value  the value as maps, lists, strings, numbers, booleans and nulls
     * @return what is wrong with the value, empty when it is valid
     * @throws ValidationException (field {@code schema}) when the schema is not a valid 2020-12 schema
     */
    public List<FieldError> validate(String schema, Object value) {
        Schema compiledSchema = compile(schema);
        JsonNode node;
        try {
            node = mapper.valueToTree(value);
        } catch (IllegalArgumentException e) {
            return List.of(new FieldError("", "is not a JSON value"));
        }
        return withLibraryLoader(() -> toFieldErrors(compiledSchema.validate(node)));
    }

    /**
     * What is wrong with a schema text: not JSON, not an object or boolean, another draft than 2020-12, not matching
     * the 2020-12 meta-schema, or a reference that cannot be resolved. Empty when it is usable.
     */
    public List<FieldError> problemsOf(String schema) {
        try {
            compile(schema);
            return List.of();
        } catch (ValidationException e) {
            return e.errors();
        }
    }

    /**
     * @throws ValidationException (field {@code schema}) when the schema is not a valid 2020-12 schema
     */
    Schema compile(String schema) {
        if (schema == null) {
            throw new ValidationException("schema", "is missing");
        }
        synchronized (compiled) {
            Schema known = compiled.get(schema);
            if (known != null) {
                return known;
            }
        }
        Schema fresh = withLibraryLoader(() -> compileFresh(schema));
        synchronized (compiled) {
            compiled.put(schema, fresh);
        }
        return fresh;
    }

    private Schema compileFresh(String text) {
        JsonNode node;
        try {
            node = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ValidationException("schema", "is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !(node.isObject() || node.isBoolean())) {
            throw new ValidationException("schema", "must be a JSON object (or true/false)");
        }
        JsonNode dialect = node.path("$schema");
        if (!dialect.isMissingNode() && !META_SCHEMA.equals(dialect.asText().replaceAll("#$", ""))) {
            throw new ValidationException("schema", "must be a draft 2020-12 schema ($schema " + META_SCHEMA
                    + " or none), not " + dialect.asText());
        }
        List<FieldError> metaErrors = toFieldErrors(metaSchema.validate(node));
        if (!metaErrors.isEmpty()) {
            throw new ValidationException(metaErrors.stream()
                    .map(e -> new FieldError("schema" + (e.field().isEmpty() ? "" : "/" + e.field()), e.message()))
                    .toList());
        }
        try {
            Schema schema = registry.getSchema(node);
            schema.initializeValidators();
            // a dry run resolves every $ref, so a dangling one is reported now rather than at the first validation
            schema.validate(mapper.nullNode());
            return schema;
        } catch (SchemaException | IllegalArgumentException | IllegalStateException e) {
            throw new ValidationException("schema", "cannot be compiled: " + e.getMessage());
        }
    }

    private static List<FieldError> toFieldErrors(List<Error> errors) {
        List<FieldError> result = new ArrayList<>(errors.size());
        for (Error error : errors) {
            String path = path(error.getInstanceLocation());
            if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
                // point at the missing property itself, where a form shows the message
                path = path.isEmpty() ? error.getProperty() : path + "/" + error.getProperty();
            }
            result.add(new FieldError(path, message(error)));
        }
        return result;
    }

    /** The instance location as {@code a/b/0}, the empty string for the value itself. */
    private static String path(NodePath location) {
        if (location == null) {
            return "";
        }
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < location.getNameCount(); i++) {
            if (i > 0) {
                path.append('/');
            }
            path.append(location.getElement(i));
        }
        return path.toString();
    }

    /** The library's message without the location it starts with (the field carries that). */
    private static String message(Error error) {
        String message = error.getMessage();
        int colon = message.indexOf(": ");
        if (colon > 0 && (message.startsWith("/") || message.startsWith("$") || message.startsWith("#"))) {
            message = message.substring(colon + 2);
        }
        return message;
    }

    /**
     * Runs library code with its own class loader as the context loader: it finds its meta-schemas and messages
     * through it, and inside OSGi the caller's context loader cannot see them.
     */
    private static <T> T withLibraryLoader(Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(SchemaRegistry.class.getClassLoader());
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
