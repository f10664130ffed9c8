package org.garrison.policies.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.garrison.api.error.ConflictException;
import org.garrison.api.error.FieldError;
import org.garrison.api.policy.Policy;
import org.garrison.api.policy.PolicyProfile;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON forms of a policy: the stored document with its content (with a schema version, so later releases can
 * read what earlier ones wrote), the snapshot recorded in the revision history and the deleted-objects registry, the
 * stored validation problems, and the canonical form an effective policy's hash is taken of.
 */
public final class PolicyJson {

    /** The version of the stored document written by this release. */
    static final int DOCUMENT_VERSION = 1;

    /** The largest stored document, in characters: settings, locks and profiles together. */
    static final int MAX_DOCUMENT_LENGTH = 1_000_000;

    /**
     * A policy's content as stored in its document column.
     *
     * @param schemaVersion  the version of this form
     * @param settings       the policy's own settings
     * @param lockedSettings its locked paths
     * @param profiles       its profiles, highest priority first
     */
    record Document(int schemaVersion, Map<String, Object> settings, List<String> lockedSettings,
            List<PolicyProfile> profiles) {

        Document {
            settings = settings == null ? Map.of() : settings;
            lockedSettings = lockedSettings == null ? List.of() : lockedSettings;
            profiles = profiles == null ? List.of() : profiles;
        }
    }

    private static final TypeReference<List<FieldError>> PROBLEMS = new TypeReference<>() {
    };

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final ObjectMapper canonical = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    String document(Map<String, Object> settings, List<String> lockedSettings, List<PolicyProfile> profiles) {
        return write(new Document(DOCUMENT_VERSION, settings, lockedSettings, profiles));
    }

    Document document(String json) {
        Document document = read(json, "policy document");
        if (document.schemaVersion() > DOCUMENT_VERSION) {
            throw new IllegalStateException("A stored policy was written by a newer release (document version "
                    + document.schemaVersion() + ")");
        }
        return document;
    }

    String problems(List<FieldError> problems) {
        return write(problems);
    }

    List<FieldError> problems(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return mapper.readValue(json, PROBLEMS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored policy problems are unreadable: " + e.getOriginalMessage(), e);
        }
    }

    /** A policy's full state, without its validation problems (they are not the admin's to change). */
    String snapshot(Policy policy) {
        return write(new Policy(policy.id(), policy.application(), policy.groupId(), policy.name(),
                policy.description(), policy.state(), policy.inheritFromParent(), policy.forceInheritance(),
                policy.settings(), policy.lockedSettings(), policy.profiles(), policy.revision(), policy.createdAt(),
                policy.createdBy(), policy.updatedAt(), policy.updatedBy(), null, null));
    }

    /**
     * @throws ConflictException if the snapshot is not one of a policy
     */
    Policy snapshot(String json) {
        try {
            Policy policy = mapper.readValue(json, Policy.class);
            if (policy.id() == null || policy.application() == null || policy.groupId() == null
                    || policy.name() == null || policy.state() == null || policy.createdAt() == null) {
                throw new ConflictException("The recorded state is not a complete policy and cannot be restored");
            }
            return policy;
        } catch (JsonProcessingException e) {
            throw new ConflictException("The recorded state is not a policy and cannot be restored");
        }
    }

    /** The hex SHA-256 of the canonical JSON of settings and locked paths (object keys sorted). */
    String hash(Map<String, Object> settings, List<String> lockedSettings) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("lockedSettings", lockedSettings);
        content.put("settings", settings);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.writeValueAsString(content)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** JSON text of any value this area keeps, e.g. for the shell. */
    String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Indented JSON text, for people to read. */
    String pretty(Object value) {
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Document read(String json, String what) {
        try {
            return mapper.readValue(json, Document.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored " + what + " is unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
