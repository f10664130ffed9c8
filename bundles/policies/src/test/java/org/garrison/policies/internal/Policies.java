package org.garrison.policies.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.garrison.api.Actor;
import org.garrison.api.policy.Policy;
import org.garrison.api.policy.PolicyProfile;
import org.garrison.api.policy.PolicyState;
import org.garrison.api.policy.ProfileRule;
import org.garrison.api.policy.ProfileRuleAttribute;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Builds policies, profiles and settings for tests, settings written as JSON text.
 */
final class Policies {

    static final String APP = "endpoint-protection";
    static final Actor ADMIN = Actor.system("test");

    private static final ObjectMapper JSON = new ObjectMapper();

    private Policies() {
    }

    /** Settings from JSON text. */
    static Map<String, Object> settings(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    /** JSON text of a value, object keys in their order. */
    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Policy active(UUID group, String name, boolean inherit, String settings, String... locks) {
        return policy(group, name, PolicyState.ACTIVE, inherit, false, settings, List.of(locks), List.of());
    }

    static Policy policy(UUID group, String name, PolicyState state, boolean inherit, boolean force, String settings,
            List<String> locks, List<PolicyProfile> profiles) {
        Instant now = Instant.now();
        return new Policy(UUID.randomUUID(), APP, group, name, null, state, inherit, force, settings(settings), locks,
                profiles, 1, now, ADMIN, now, ADMIN, List.of(), "1.0.0");
    }

    static PolicyProfile profile(String name, String settings, List<String> locks, ProfileRule... rules) {
        return new PolicyProfile(UUID.randomUUID(), name, true, settings(settings), locks, List.of(rules));
    }

    static ProfileRule rule(ProfileRuleAttribute attribute, String... values) {
        return new ProfileRule(attribute, List.of(values));
    }
}
