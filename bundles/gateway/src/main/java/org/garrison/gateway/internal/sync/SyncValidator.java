package org.garrison.gateway.internal.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.garrison.api.agent.ApplicationData;
import org.garrison.api.agent.InstructionResult;
import org.garrison.api.agent.InstructionState;
import org.garrison.api.agent.SyncItem;
import org.garrison.api.agent.SyncRequest;
import org.garrison.api.device.InventoryReport;
import org.garrison.api.error.FieldError;
import org.garrison.api.event.EventService;
import org.garrison.api.event.NewEvent;
import org.garrison.gateway.internal.GatewayRefusal;
import org.garrison.gateway.internal.server.AgentJson;

/**
 * Checks a whole sync request before anything of it is stored (docs/agent-protocol.md, "Rules the gateway
 * enforces"): every problem is collected, so the agent's log names them all at once.
 */
public final class SyncValidator {

    /** The most events one item may carry. */
    public static final int MAX_EVENTS_PER_ITEM = 5000;

    /** The largest application data object, in characters of its JSON text. */
    public static final int MAX_APPLICATION_DATA_LENGTH = 256 * 1024;

    /** The largest instruction result object, in characters of its JSON text. */
    public static final int MAX_RESULT_LENGTH = 64 * 1024;

    /** The longest message of an instruction result. */
    public static final int MAX_MESSAGE_LENGTH = 2000;

    /** The longest agent version. */
    public static final int MAX_AGENT_VERSION_LENGTH = 50;

    /** The most applications whose policy hashes a sync may name. */
    public static final int MAX_POLICIES = 200;

    /** The longest policy hash or policy tag an agent may send back. */
    public static final int MAX_POLICY_TOKEN_LENGTH = 200;

    /** Errors listed in one answer at most; more would only make the answer big. */
    private static final int MAX_ERRORS = 100;

    /** Event sources and types, application ids and data kinds: as the event store accepts them. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final int maxItems;
    private final AgentJson json;

    public SyncValidator(int maxItems, AgentJson json) {
        this.maxItems = maxItems;
        this.json = json;
    }

    /**
     * @throws GatewayRefusal {@code 413 too-large} for too many items, {@code 400 invalid} listing every problem
     */
    public void check(SyncRequest request) {
        if (request.items().size() > maxItems) {
            throw new GatewayRefusal(413, "too-large", "A sync may carry at most " + maxItems + " items, this one has "
                    + request.items().size());
        }
        List<FieldError> errors = new ArrayList<>();
        String version = request.agentVersion();
        if (version != null && (version.isBlank() || version.length() > MAX_AGENT_VERSION_LENGTH)) {
            errors.add(new FieldError("agentVersion", "must be 1 to " + MAX_AGENT_VERSION_LENGTH + " characters"));
        }
        checkPolicies(request, errors);
        long previous = 0;
        for (int i = 0; i < request.items().size() && errors.size() < MAX_ERRORS; i++) {
            String at = "items[" + i + "]";
            SyncItem item = request.items().get(i);
            if (item == null) {
                errors.add(new FieldError(at, "must be an object"));
                continue;
            }
            if (item.seq() <= 0) {
                errors.add(new FieldError(at + ".seq", "must be positive"));
            } else if (item.seq() <= previous) {
                errors.add(new FieldError(at + ".seq", "must be above the previous item's (" + previous
                        + "): items are sent in increasing order"));
            }
            previous = Math.max(previous, item.seq());
            checkItem(at, item, errors);
        }
        if (!errors.isEmpty()) {
            List<FieldError> listed = errors.size() > MAX_ERRORS ? errors.subList(0, MAX_ERRORS) : errors;
            throw new GatewayRefusal(400, "invalid", "The sync request is invalid: " + listed.get(0).field() + " "
                    + listed.get(0).message() + (listed.size() > 1 ? " (and " + (listed.size() - 1) + " more)" : ""),
                    0, listed);
        }
    }

    private void checkItem(String at, SyncItem item, List<FieldError> errors) {
        if (item.kind() == null) {
            errors.add(new FieldError(at + ".kind", "is required: INVENTORY, EVENTS, APPLICATION_DATA or "
                    + "INSTRUCTION_RESULT"));
            return;
        }
        String member = switch (item.kind()) {
            case INVENTORY -> "inventory";
            case EVENTS -> "events";
            case APPLICATION_DATA -> "applicationData";
            case INSTRUCTION_RESULT -> "instructionResult";
        };
        present(at, "inventory", item.inventory() != null, member, errors);
        present(at, "events", item.events() != null, member, errors);
        present(at, "applicationData", item.applicationData() != null, member, errors);
        present(at, "instructionResult", item.instructionResult() != null, member, errors);
        switch (item.kind()) {
            case INVENTORY -> {
                if (item.inventory() != null) {
                    checkInventory(at + ".inventory", item.inventory(), errors);
                }
            }
            case EVENTS -> {
                if (item.events() != null) {
                    checkEvents(at + ".events", item.events(), errors);
                }
            }
            case APPLICATION_DATA -> {
                if (item.applicationData() != null) {
                    checkApplicationData(at + ".applicationData", item.applicationData(), errors);
                }
            }
            case INSTRUCTION_RESULT -> {
                if (item.instructionResult() != null) {
                    checkResult(at + ".instructionResult", item.instructionResult(), errors);
                }
            }
        }
    }

    private static void present(String at, String name, boolean present, String expected, List<FieldError> errors) {
        if (name.equals(expected) && !present) {
            errors.add(new FieldError(at + "." + name, "is required for this kind"));
        } else if (!name.equals(expected) && present) {
            errors.add(new FieldError(at + "." + name, "must be absent: the item's kind names " + expected));
        }
    }

    private static void checkInventory(String at, InventoryReport report, List<FieldError> errors) {
        if (report.full() && report.software() != null) {
            if (report.software().updated() != null && !report.software().updated().isEmpty()) {
                errors.add(new FieldError(at + ".software.updated", "must be empty in a full report"));
            }
            if (report.software().removed() != null && !report.software().removed().isEmpty()) {
                errors.add(new FieldError(at + ".software.removed", "must be empty in a full report"));
            }
        }
        if (report.full() && !report.removedApplications().isEmpty()) {
            errors.add(new FieldError(at + ".removedApplications", "must be empty in a full report"));
        }
    }

    private void checkEvents(String at, List<NewEvent> events, List<FieldError> errors) {
        if (events.isEmpty() || events.size() > MAX_EVENTS_PER_ITEM) {
            errors.add(new FieldError(at, "must hold 1 to " + MAX_EVENTS_PER_ITEM + " events"));
            return;
        }
        for (int i = 0; i < events.size() && errors.size() < MAX_ERRORS; i++) {
            String field = at + "[" + i + "]";
            NewEvent event = events.get(i);
            if (event.id() == null) {
                errors.add(new FieldError(field + ".id", "is required, so a retried batch stores it once"));
            }
            if (event.occurredAt() == null) {
                errors.add(new FieldError(field + ".occurredAt", "is required"));
            }
            name(field + ".source", event.source(), errors);
            name(field + ".type", event.type(), errors);
            if (event.description() != null && event.description().length() > EventService.MAX_DESCRIPTION_LENGTH) {
                errors.add(new FieldError(field + ".description", "must be at most "
                        + EventService.MAX_DESCRIPTION_LENGTH + " characters"));
            }
            size(field + ".payload", event.payload(), EventService.MAX_PAYLOAD_LENGTH, errors);
        }
    }

    private void checkApplicationData(String at, ApplicationData data, List<FieldError> errors) {
        name(at + ".application", data.application(), errors);
        name(at + ".kind", data.kind(), errors);
        if (data.reportedAt() == null) {
            errors.add(new FieldError(at + ".reportedAt", "is required"));
        }
        size(at + ".data", data.data(), MAX_APPLICATION_DATA_LENGTH, errors);
    }

    private void checkResult(String at, InstructionResult result, List<FieldError> errors) {
        if (result.instructionId() == null) {
            errors.add(new FieldError(at + ".instructionId", "is required"));
        }
        if (result.state() == null || !(result.state() == InstructionState.RUNNING
                || result.state() == InstructionState.SUCCEEDED || result.state() == InstructionState.FAILED)) {
            errors.add(new FieldError(at + ".state", "must be RUNNING, SUCCEEDED or FAILED"));
        }
        if (result.at() == null) {
            errors.add(new FieldError(at + ".at", "is required"));
        }
        if (result.message() != null && result.message().length() > MAX_MESSAGE_LENGTH) {
            errors.add(new FieldError(at + ".message", "must be at most " + MAX_MESSAGE_LENGTH + " characters"));
        } else if (result.state() == InstructionState.FAILED
                && (result.message() == null || result.message().isBlank())) {
            errors.add(new FieldError(at + ".message", "is required for a failure"));
        }
        size(at + ".result", result.result(), MAX_RESULT_LENGTH, errors);
    }

    private static void name(String field, String value, List<FieldError> errors) {
        if (value == null || !NAME.matcher(value).matches()) {
            errors.add(new FieldError(field, "must be 1 to 100 letters, digits, '.', '_' or '-', starting with a "
                    + "letter or digit"));
        }
    }

    private void size(String field, Map<String, Object> value, int limit, List<FieldError> errors) {
        if (value != null && !value.isEmpty() && json.length(value) > limit) {
            errors.add(new FieldError(field, "must be at most " + limit + " characters as JSON"));
        }
    }

    /** The policy hashes and tag an agent sends back are only compared, but stay small and well-formed. */
    private static void checkPolicies(SyncRequest request, List<FieldError> errors) {
        String tag = request.policyTag();
        if (tag != null && (tag.isEmpty() || tag.length() > MAX_POLICY_TOKEN_LENGTH)) {
            errors.add(new FieldError("policyTag", "must be 1 to " + MAX_POLICY_TOKEN_LENGTH + " characters"));
        }
        if (request.policies().size() > MAX_POLICIES) {
            errors.add(new FieldError("policies", "may name at most " + MAX_POLICIES + " applications"));
            return;
        }
        for (Map.Entry<String, String> held : request.policies().entrySet()) {
            if (!NAME.matcher(held.getKey()).matches()) {
                errors.add(new FieldError("policies", "names an application id that is not one: " + held.getKey()
                        .substring(0, Math.min(100, held.getKey().length()))));
            } else if (held.getValue().isEmpty() || held.getValue().length() > MAX_POLICY_TOKEN_LENGTH) {
                errors.add(new FieldError("policies." + held.getKey(), "must be 1 to " + MAX_POLICY_TOKEN_LENGTH
                        + " characters"));
            }
        }
    }
}
