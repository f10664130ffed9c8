package org.garrison.policies.internal.shell;

import java.util.Map;
import java.util.UUID;

import org.garrison.api.error.NotFoundException;
import org.garrison.api.group.GroupService;
import org.garrison.api.policy.SettingOrigin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * How the shell commands write policies: group names, settings as indented JSON, origins in words.
 */
final class PolicyText {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PolicyText() {
    }

    static String groupName(GroupService groups, UUID id) {
        try {
            return groups.get(id).name();
        } catch (NotFoundException gone) {
            return id.toString();
        }
    }

    static String indented(Map<String, Object> settings) {
        try {
            return JSON.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String compact(Object value) {
        try {
            return JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String origin(GroupService groups, SettingOrigin origin) {
        return "policy \"" + origin.policyName() + "\" of \"" + groupName(groups, origin.groupId()) + "\""
                + (origin.profile() == null ? "" : ", profile \"" + origin.profile() + "\"");
    }
}
