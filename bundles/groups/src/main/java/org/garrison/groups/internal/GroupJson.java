package org.garrison.groups.internal;

import java.util.UUID;

import org.garrison.api.error.ConflictException;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.group.GroupDeviceSettings;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON forms a group is kept in: its stored device settings (with a schema version, so later releases can
 * read what earlier ones wrote) and the snapshot recorded in revision history and the deleted-objects registry.
 */
final class GroupJson {

    /** The version of the stored settings document written by this release. */
    static final int SETTINGS_VERSION = 1;
    private static final String VERSION_FIELD = "schemaVersion";

    /**
     * A group's full state, as recorded in revisions and deleted-object entries.
     *
     * @param deviceSettings the group's own device settings (the defaults if it never had others)
     */
    record Snapshot(UUID id, UUID parentId, String name, String createdAt, String modifiedAt,
            GroupDeviceSettings deviceSettings) {
    }

    private final ObjectMapper mapper = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    String settings(GroupDeviceSettings settings) {
        ObjectNode node = mapper.valueToTree(settings);
        node.put(VERSION_FIELD, SETTINGS_VERSION);
        return write(node);
    }

    GroupDeviceSettings settings(String json) {
        try {
            ObjectNode node = (ObjectNode) mapper.readTree(json);
            node.remove(VERSION_FIELD);
            return mapper.treeToValue(node, GroupDeviceSettings.class);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("Stored device settings are unreadable: " + e.getMessage(), e);
        }
    }

    String snapshot(AdministrationGroup group, GroupDeviceSettings settings) {
        return write(mapper.valueToTree(new Snapshot(group.id(), group.parentId(), group.name(),
                group.createdAt().toString(), group.modifiedAt().toString(), settings)));
    }

    /**
     * @throws org.garrison.api.error.ConflictException if the snapshot is not one of a group
     */
    Snapshot snapshot(String json) {
        try {
            Snapshot snapshot = mapper.readValue(json, Snapshot.class);
            if (snapshot.id() == null || snapshot.name() == null || snapshot.createdAt() == null
                    || snapshot.modifiedAt() == null || snapshot.deviceSettings() == null) {
                throw new ConflictException(
                        "The recorded state is not a complete administration group and cannot be restored");
            }
            return snapshot;
        } catch (JsonProcessingException e) {
            throw new ConflictException(
                    "The recorded state is not an administration group and cannot be restored");
        }
    }

    private String write(Object node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
