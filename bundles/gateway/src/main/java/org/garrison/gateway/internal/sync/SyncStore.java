package org.garrison.gateway.internal.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.garrison.api.Actor;
import org.garrison.api.ActorKind;
import org.garrison.api.agent.AgentState;
import org.garrison.api.agent.ApplicationData;
import org.garrison.api.agent.Instruction;
import org.garrison.api.agent.InstructionStatus;
import org.garrison.api.agent.ItemNotice;
import org.garrison.api.agent.SyncItem;
import org.garrison.api.device.DeviceIdentity;
import org.garrison.api.device.DeviceRegistration;
import org.garrison.api.device.DeviceService;
import org.garrison.api.device.InventoryReport;
import org.garrison.api.error.FieldError;
import org.garrison.api.error.ValidationException;
import org.garrison.api.event.EventService;
import org.garrison.api.event.NewEvent;
import org.garrison.gateway.internal.AgentIdentity;
import org.garrison.gateway.internal.GatewayRefusal;
import org.garrison.gateway.internal.appdata.ApplicationDataRepository;
import org.garrison.gateway.internal.instructions.InstructionDesk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores checked syncs inside one transaction its caller controls: skips items already stored, creates the agent's
 * device on its first sync, applies inventory, events, application data and instruction results in sequence order,
 * records the new highest sequence number, and collects the device's instructions for the answer. Anything that
 * refuses a sync throws, so the caller's transaction stores nothing of it.
 */
final class SyncStore {

    static final String INVENTORY_CONFLICT = "inventory-conflict";
    static final String UNKNOWN_INSTRUCTION = "unknown-instruction";
    static final String EVENT_REFUSED = "event-refused";

    private static final Logger LOG = LoggerFactory.getLogger(SyncStore.class);

    private final AgentSyncRepository agents;
    private final DeviceService devices;
    private final EventService events;
    private final InstructionDesk instructions;
    private final ApplicationDataRepository inbox;

    SyncStore(AgentSyncRepository agents, DeviceService devices, EventService events, InstructionDesk instructions,
            ApplicationDataRepository inbox) {
        this.agents = agents;
        this.devices = devices;
        this.events = events;
        this.instructions = instructions;
        this.inbox = inbox;
    }

    /**
     * Stores syncs of (usually) different agents. Agents' rows are locked in the order of their ids, so two
     * transactions storing overlapping sets of agents wait for each other instead of deadlocking.
     *
     * @return one outcome per sync, in the order given
     */
    List<SyncOutcome> store(Connection connection, List<PendingSync> syncs, Instant now) throws SQLException {
        Set<UUID> agentIds = new HashSet<>();
        syncs.forEach(sync -> agentIds.add(sync.agent().agentId()));
        Map<UUID, AgentSyncState> states = agents.find(connection, agentIds);
        Set<UUID> deviceIds = new HashSet<>();
        states.values().stream().filter(state -> state.deviceId() != null)
                .forEach(state -> deviceIds.add(state.deviceId()));
        Set<UUID> existingDevices = deviceIds.isEmpty() ? new HashSet<>()
                : new HashSet<>(devices.groupsOf(deviceIds).keySet());

        List<PendingSync> ordered = new ArrayList<>(syncs);
        ordered.sort(Comparator.comparing(sync -> sync.agent().agentId()));
        Map<PendingSync, SyncOutcome> outcomes = new IdentityHashMap<>();
        for (PendingSync sync : ordered) {
            SyncOutcome outcome = storeOne(connection, sync, states, existingDevices, now);
            outcomes.put(sync, outcome);
        }
        return syncs.stream().map(outcomes::get).toList();
    }

    private SyncOutcome storeOne(Connection connection, PendingSync sync, Map<UUID, AgentSyncState> states,
            Set<UUID> existingDevices, Instant now) throws SQLException {
        AgentIdentity agent = sync.agent();
        UUID agentId = agent.agentId();
        AgentSyncState known = states.get(agentId);
        List<SyncItem> items = sync.request().items();
        boolean needsDevice = known == null || known.deviceId() == null
                || !existingDevices.contains(known.deviceId());
        boolean writes = needsDevice || items.stream().anyMatch(item -> item.seq() > known.storedThrough());
        AgentSyncState state = known;
        if (writes) {
            if (!agents.lock(connection, agentId)) {
                throw new GatewayRefusal(403, "certificate-revoked", "The agent is no longer enrolled");
            }
            // another sync of the agent (on another node, or another writer) may have committed meanwhile
            state = agents.find(connection, agentId).orElseThrow();
            if (state.deviceId() != null && !existingDevices.contains(state.deviceId())
                    && devices.groupsOf(Set.of(state.deviceId())).containsKey(state.deviceId())) {
                existingDevices.add(state.deviceId());
            }
            needsDevice = state.deviceId() == null || !existingDevices.contains(state.deviceId());
        } else if (state == null) {
            throw new GatewayRefusal(403, "certificate-revoked", "The agent is no longer enrolled");
        }
        refuseUnlessActive(state);

        UUID deviceId = state.deviceId();
        boolean fullWanted = state.fullInventoryWanted();
        boolean created = false;
        if (needsDevice) {
            deviceId = createDevice(agent);
            agents.linkDevice(connection, agentId, deviceId);
            existingDevices.add(deviceId);
            fullWanted = true;
            created = true;
        }
        refuseForeignItems(items, deviceId);

        long stored = state.storedThrough();
        List<ItemNotice> notices = new ArrayList<>();
        List<InstructionStatus> changed = new ArrayList<>();
        List<NewEvent> newEvents = new ArrayList<>();
        List<String> eventFields = new ArrayList<>();
        List<Long> eventSeqs = new ArrayList<>();
        List<ApplicationData> data = new ArrayList<>();
        long highest = stored;
        for (int i = 0; i < items.size(); i++) {
            SyncItem item = items.get(i);
            if (item.seq() <= stored) {
                continue;
            }
            highest = item.seq();
            switch (item.kind()) {
                case INVENTORY -> fullWanted = applyInventory(connection, i, item, deviceId, fullWanted, notices);
                case EVENTS -> {
                    for (int j = 0; j < item.events().size(); j++) {
                        NewEvent event = item.events().get(j);
                        newEvents.add(new NewEvent(event.id(), event.occurredAt(), deviceId, null, event.source(),
                                event.type(), event.severity(), event.description(), event.payload()));
                        eventFields.add("items[" + i + "].events[" + j + "]");
                        eventSeqs.add(item.seq());
                    }
                }
                case APPLICATION_DATA -> data.add(item.applicationData());
                case INSTRUCTION_RESULT -> {
                    InstructionDesk.Reported reported = instructions.report(connection, deviceId,
                            item.instructionResult(), now);
                    if (!reported.known()) {
                        notices.add(new ItemNotice(item.seq(), UNKNOWN_INSTRUCTION, "No instruction "
                                + item.instructionResult().instructionId() + " was sent to this device"));
                    }
                    reported.changed().ifPresent(changed::add);
                }
            }
        }
        if (!newEvents.isEmpty()) {
            ingest(newEvents, eventFields, eventSeqs, notices);
        }
        if (!data.isEmpty()) {
            inbox.insert(connection, deviceId, data, now);
        }
        if (highest != stored || fullWanted != state.fullInventoryWanted()) {
            agents.recordProgress(connection, agentId, highest, fullWanted);
        }
        states.put(agentId, new AgentSyncState(agentId, state.state(), deviceId, highest, fullWanted));
        List<Instruction> open = instructions.deliver(connection, deviceId, now, changed);
        return new SyncOutcome(sync, deviceId, highest, notices, open, fullWanted, changed, created, !data.isEmpty());
    }

    private static void refuseUnlessActive(AgentSyncState state) {
        if (state.state() == AgentState.PENDING_APPROVAL) {
            throw new GatewayRefusal(403, "approval-pending", "An administrator has not approved this agent yet", 60,
                    List.of());
        }
        if (state.state() != AgentState.ACTIVE) {
            throw new GatewayRefusal(403, "certificate-revoked", "The agent's enrollment was revoked or rejected");
        }
    }

    private static void refuseForeignItems(List<SyncItem> items, UUID deviceId) {
        for (int i = 0; i < items.size(); i++) {
            SyncItem item = items.get(i);
            if (item.inventory() != null && item.inventory().deviceId() != null
                    && !item.inventory().deviceId().equals(deviceId)) {
                throw foreign("items[" + i + "].inventory.deviceId");
            }
            if (item.events() != null) {
                for (int j = 0; j < item.events().size(); j++) {
                    UUID named = item.events().get(j).deviceId();
                    if (named != null && !named.equals(deviceId)) {
                        throw foreign("items[" + i + "].events[" + j + "].deviceId");
                    }
                }
            }
        }
    }

    private static GatewayRefusal foreign(String field) {
        return new GatewayRefusal(403, "foreign-device", field + " names a device other than this agent's", 0,
                List.of(new FieldError(field, "must be null or this agent's device")));
    }

    /**
     * Applies one inventory report in a savepoint: a partial report the devices area refuses (its copy differs)
     * leaves no trace and is acknowledged with a notice asking for a full report.
     *
     * @return whether a full report is wanted afterwards
     */
    private boolean applyInventory(Connection connection, int index, SyncItem item, UUID deviceId, boolean fullWanted,
            List<ItemNotice> notices) throws SQLException {
        InventoryReport sent = item.inventory();
        if (!sent.full() && fullWanted) {
            notices.add(new ItemNotice(item.seq(), INVENTORY_CONFLICT,
                    "A full inventory report is needed before partial ones"));
            return true;
        }
        InventoryReport report = new InventoryReport(deviceId, sent.full(), sent.identity(), sent.network(),
                sent.os(), sent.virtualisation(), sent.activity(), sent.users(), sent.sessions(), sent.hardware(),
                sent.software(), sent.applications(), sent.removedApplications());
        Savepoint savepoint = connection.setSavepoint();
        try {
            devices.applyInventory(report);
        } catch (ValidationException e) {
            connection.rollback(savepoint);
            if (report.full()) {
                throw invalid("items[" + index + "].inventory", e);
            }
            notices.add(new ItemNotice(item.seq(), INVENTORY_CONFLICT,
                    "The partial report does not apply to the server's copy: " + truncate(e.getMessage())));
            return true;
        }
        connection.releaseSavepoint(savepoint);
        return fullWanted && !report.full();
    }

    /**
     * Stores the sync's events. The request was checked already, so what the event store still refuses is content only
     * it knows about: a payload that does not follow its event type's schema (a plugin's), for instance. Those events
     * are left out with a notice on their items, and the others are stored: one application's bad event must not
     * hold up, or make the agent drop, the events next to it. A refusal naming no event refuses the sync.
     */
    private void ingest(List<NewEvent> newEvents, List<String> fields, List<Long> seqs, List<ItemNotice> notices) {
        try {
            events.ingest(newEvents);
        } catch (ValidationException e) {
            Map<Integer, List<FieldError>> refused = new TreeMap<>();
            for (FieldError error : e.errors()) {
                int index = eventIndex(error.field(), fields.size());
                if (index < 0) {
                    throw refusal(e, fields);
                }
                refused.computeIfAbsent(index, at -> new ArrayList<>()).add(new FieldError(
                        fields.get(index) + error.field().substring(error.field().indexOf(']') + 1), error.message()));
            }
            List<NewEvent> kept = new ArrayList<>();
            for (int i = 0; i < newEvents.size(); i++) {
                if (!refused.containsKey(i)) {
                    kept.add(newEvents.get(i));
                }
            }
            refused.forEach((index, errors) -> notices.add(new ItemNotice(seqs.get(index), EVENT_REFUSED,
                    "Event " + newEvents.get(index).id() + " (" + newEvents.get(index).type() + ") was not stored: "
                            + errors.stream().map(error -> error.field() + " " + error.message())
                                    .collect(Collectors.joining("; ")))));
            if (!kept.isEmpty()) {
                try {
                    events.ingest(kept);
                } catch (ValidationException again) {
                    throw refusal(again, fields);
                }
            }
        }
    }

    private static GatewayRefusal refusal(ValidationException e, List<String> fields) {
        List<FieldError> errors = new ArrayList<>();
        for (FieldError error : e.errors()) {
            int index = eventIndex(error.field(), fields.size());
            errors.add(index < 0 ? error : new FieldError(fields.get(index)
                    + error.field().substring(error.field().indexOf(']') + 1), error.message()));
        }
        return new GatewayRefusal(400, "invalid", "An event is invalid: " + errors.get(0).field() + " "
                + errors.get(0).message(), 0, errors);
    }

    /** The event store names an event by its index in the list it got ("[12].severity"); -1 if it names none. */
    private static int eventIndex(String field, int count) {
        if (field.startsWith("[")) {
            int end = field.indexOf(']');
            if (end > 1) {
                try {
                    int index = Integer.parseInt(field.substring(1, end));
                    return index >= 0 && index < count ? index : -1;
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    private UUID createDevice(AgentIdentity agent) {
        Actor actor = new Actor(ActorKind.AGENT, agent.agentId().toString(), agent.hostname());
        DeviceIdentity identity = new DeviceIdentity(null, null, null, null, null, agent.hardwareId());
        try {
            return devices.register(new DeviceRegistration(agent.hostname(), agent.groupId(), identity), actor).id();
        } catch (ValidationException e) {
            if (agent.groupId() == null) {
                throw e;
            }
            // the enrollment token's group was deleted since: the device lands where new devices land
            LOG.warn("Agent {}: cannot create its device in group {} ({}); creating it in Unassigned devices",
                    agent.agentId(), agent.groupId(), e.getMessage());
            return devices.register(new DeviceRegistration(agent.hostname(), null, identity), actor).id();
        }
    }

    private static GatewayRefusal invalid(String prefix, ValidationException e) {
        List<FieldError> errors = e.errors().stream()
                .map(error -> new FieldError(error.field().isEmpty() ? prefix : prefix + "." + error.field(),
                        error.message()))
                .toList();
        return new GatewayRefusal(400, "invalid", "The inventory report is invalid: " + truncate(e.getMessage()), 0,
                errors);
    }

    private static String truncate(String message) {
        return message.length() > 500 ? message.substring(0, 500) + "…" : message;
    }
}
