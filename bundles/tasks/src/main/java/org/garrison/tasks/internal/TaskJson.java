package org.garrison.tasks.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.garrison.api.error.ConflictException;
import org.garrison.api.task.Task;
import org.garrison.api.task.TaskSchedule;
import org.garrison.api.task.TaskScope;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON forms of a task: its parameters and results (plain JSON objects), its stored schedule (with a schema
 * version, so later releases can read what earlier ones wrote) and the snapshot recorded in the revision history and
 * the deleted-objects registry.
 */
public final class TaskJson {

    /** The version of the stored schedule document written by this release. */
    static final int SCHEDULE_VERSION = 1;
    private static final String VERSION_FIELD = "schemaVersion";
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    /**
     * A task's state as recorded in revisions and deleted-object entries: what an admin sets, nothing the scheduler
     * changes.
     */
    public record Snapshot(UUID id, String name, String application, String type, Map<String, Object> parameters,
            UUID groupId, List<UUID> deviceIds, TaskSchedule schedule, boolean enabled) {
    }

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** A JSON object's text. */
    public String write(Map<String, Object> object) {
        return text(object == null ? Map.of() : object);
    }

    /** A JSON object from its text; empty for {@code null}. */
    public Map<String, Object> readObject(String json) {
        if (json == null || json.isEmpty()) {
            return Map.of();
        }
        try {
            return mapper.readValue(json, OBJECT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON is unreadable: " + e.getOriginalMessage(), e);
        }
    }

    /** The length of a value's JSON text, to bound what is stored. */
    public int length(Object value) {
        return text(value).length();
    }

    String schedule(TaskSchedule schedule) {
        ObjectNode node = mapper.valueToTree(schedule);
        node.put(VERSION_FIELD, SCHEDULE_VERSION);
        return text(node);
    }

    TaskSchedule schedule(String json) {
        try {
            ObjectNode node = (ObjectNode) mapper.readTree(json);
            node.remove(VERSION_FIELD);
            return mapper.treeToValue(node, TaskSchedule.class);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("A stored schedule is unreadable: " + e.getMessage(), e);
        }
    }

    String snapshot(Task task) {
        TaskScope scope = task.scope();
        return text(new Snapshot(task.id(), task.name(), task.application(), task.type(),
                new LinkedHashMap<>(task.parameters()), scope == null ? null : scope.groupId(),
                scope == null || scope.groupSubtree() ? null : scope.deviceIds(), task.schedule(), task.enabled()));
    }

    /**
     * @throws ConflictException if the text is not a task's snapshot
     */
    Snapshot snapshot(String json) {
        try {
            Snapshot snapshot = mapper.readValue(json, Snapshot.class);
            if (snapshot.id() == null || snapshot.name() == null || snapshot.application() == null
                    || snapshot.type() == null || snapshot.schedule() == null) {
                throw new ConflictException("The recorded state is not a complete task and cannot be restored");
            }
            return snapshot;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ConflictException("The recorded state is not a task and cannot be restored");
        }
    }

    private String text(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
