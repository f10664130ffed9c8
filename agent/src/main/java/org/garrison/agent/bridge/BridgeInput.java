package org.garrison.agent.bridge;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.garrison.api.agent.ApplicationData;
import org.garrison.api.agent.InstructionResult;
import org.garrison.api.agent.InstructionState;
import org.garrison.api.device.InstalledApplication;
import org.garrison.api.event.Event;
import org.garrison.api.event.EventService;
import org.garrison.api.event.NewEvent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads and checks what managed applications send to the local bridge, with the limits the gateway applies, so that
 * a bad item is refused here (400) instead of sitting in the outbox until the gateway refuses it.
 */
final class BridgeInput {

    /** Application ids, event types and data kinds: the names {@link EventService} accepts. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    static final int MAX_EVENTS = 5000;
    static final int MAX_DATA_BYTES = 256 * 1024;
    static final int MAX_RESULT_BYTES = 64 * 1024;
    static final int MAX_MESSAGE_LENGTH = 2000;

    private final ObjectMapper json;

    BridgeInput(ObjectMapper json) {
        this.json = json;
    }

    List<NewEvent> events(byte[] body) throws BridgeRefusal {
        JsonNode tree = tree(body);
        if (!tree.isArray()) {
            throw BridgeRefusal.invalid("The body must be a JSON array of events");
        }
        if (tree.isEmpty() || tree.size() > MAX_EVENTS) {
            throw BridgeRefusal.invalid("Send 1 to " + MAX_EVENTS + " events, not " + tree.size());
        }
        List<NewEvent> events = new ArrayList<>(tree.size());
        for (int i = 0; i < tree.size(); i++) {
            NewEvent event = read(tree.get(i), NewEvent.class, "events[" + i + "]");
            String at = "events[" + i + "].";
            requireName(event.source(), at + "source");
            if (Event.CORE_SOURCE.equals(event.source())) {
                throw BridgeRefusal.invalid(at + "source: 'core' is the agent's own; use the application's id");
            }
            requireName(event.type(), at + "type");
            require(event.occurredAt() != null, at + "occurredAt is required");
            require(event.severity() != null, at + "severity is required");
            require(event.deviceId() == null && event.groupId() == null,
                    at + "deviceId and groupId must be left out: the agent sets its own device");
            require(event.description() == null || event.description().length() <= EventService.MAX_DESCRIPTION_LENGTH,
                    at + "description is longer than " + EventService.MAX_DESCRIPTION_LENGTH + " characters");
            requireSize(event.payload(), EventService.MAX_PAYLOAD_LENGTH, at + "payload");
            // an id of the agent's choice makes the event's delivery exactly once, as the protocol wants
            events.add(event.id() != null ? event : new NewEvent(UUID.randomUUID(), event.occurredAt(), null, null,
                    event.source(), event.type(), event.severity(), event.description(), event.payload()));
        }
        return events;
    }

    ApplicationData applicationData(byte[] body) throws BridgeRefusal {
        ApplicationData data = read(object(body), ApplicationData.class, "body");
        requireName(data.application(), "application");
        requireName(data.kind(), "kind");
        require(data.reportedAt() != null, "reportedAt is required");
        requireSize(data.data(), MAX_DATA_BYTES, "data");
        return data;
    }

    InstalledApplication application(String id, byte[] body) throws BridgeRefusal {
        requireName(id, "the application id in the path");
        InstalledApplication application = read(object(body), InstalledApplication.class, "body");
        require(application.applicationId() == null || id.equals(application.applicationId()),
                "applicationId must be the id in the path (" + id + ") or left out");
        require(application.threatsDetected() >= 0 && application.objectsNotDisinfected() >= 0,
                "threatsDetected and objectsNotDisinfected cannot be negative");
        requireSize(application, MAX_DATA_BYTES, "body");
        return new InstalledApplication(id, application.name(), application.version(), application.state(),
                application.realTimeProtection(), application.lastScan(), application.threatsDetected(),
                application.objectsNotDisinfected(), application.components(), application.activeKey(),
                application.reserveKey(), application.installedAt(), application.installId(),
                application.statusReports(), application.tags());
    }

    InstructionResult instructionResult(byte[] body) throws BridgeRefusal {
        InstructionResult result = read(object(body), InstructionResult.class, "body");
        require(result.instructionId() != null, "instructionId is required");
        require(result.state() == InstructionState.RUNNING || result.state() == InstructionState.SUCCEEDED
                || result.state() == InstructionState.FAILED, "state must be RUNNING, SUCCEEDED or FAILED");
        require(result.at() != null, "at is required");
        require(result.message() == null || result.message().length() <= MAX_MESSAGE_LENGTH,
                "message is longer than " + MAX_MESSAGE_LENGTH + " characters");
        require(result.state() != InstructionState.FAILED || result.message() != null && !result.message().isBlank(),
                "a FAILED result needs a message");
        requireSize(result.result(), MAX_RESULT_BYTES, "result");
        return result;
    }

    static void requireName(String value, String field) throws BridgeRefusal {
        if (value == null || !NAME.matcher(value).matches()) {
            throw BridgeRefusal.invalid(field + " must be 1 to 100 letters, digits, '.', '_' or '-', starting with a "
                    + "letter or digit");
        }
    }

    private JsonNode tree(byte[] body) throws BridgeRefusal {
        try {
            JsonNode tree = json.readTree(body);
            if (tree == null || tree.isMissingNode()) {
                throw new BridgeRefusal(400, "malformed", "The body is empty");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw new BridgeRefusal(400, "malformed", "The body is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BridgeRefusal(400, "malformed", "The body cannot be read: " + e.getMessage());
        }
    }

    private JsonNode object(byte[] body) throws BridgeRefusal {
        JsonNode tree = tree(body);
        if (!tree.isObject()) {
            throw BridgeRefusal.invalid("The body must be a JSON object");
        }
        return tree;
    }

    private <T> T read(JsonNode node, Class<T> type, String field) throws BridgeRefusal {
        if (!node.isObject()) {
            throw BridgeRefusal.invalid(field + " must be a JSON object");
        }
        try {
            return json.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new BridgeRefusal(400, "malformed", field + ": " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw new BridgeRefusal(400, "malformed", field + ": " + e.getMessage());
        }
    }

    private void requireSize(Object value, int maxBytes, String field) throws BridgeRefusal {
        try {
            if (value != null && !(value instanceof Map<?, ?> map && map.isEmpty())
                    && json.writeValueAsBytes(value).length > maxBytes) {
                throw BridgeRefusal.invalid(field + " is larger than " + maxBytes + " bytes as JSON");
            }
        } catch (JsonProcessingException e) {
            throw BridgeRefusal.invalid(field + " cannot be written as JSON");
        }
    }

    private static void require(boolean condition, String message) throws BridgeRefusal {
        if (!condition) {
            throw BridgeRefusal.invalid(message);
        }
    }
}
