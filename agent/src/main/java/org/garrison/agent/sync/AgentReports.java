package org.garrison.agent.sync;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.garrison.agent.outbox.Outbox;
import org.garrison.agent.outbox.OutboxOverflow;
import org.garrison.api.agent.ApplicationData;
import org.garrison.api.agent.InstructionResult;
import org.garrison.api.agent.SyncItemKind;
import org.garrison.api.device.InventoryReport;
import org.garrison.api.event.Event;
import org.garrison.api.event.EventSeverity;
import org.garrison.api.event.NewEvent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Everything the agent tells the server goes through here into the outbox: events, inventory reports, application
 * data, instruction results. A critical event asks for a sync at once; when the full outbox had to drop items, one
 * {@code agent-outbox-full} warning is queued and the next inventory report is a full one.
 */
public final class AgentReports {

    /** The most events in one {@code EVENTS} item (protocol). */
    public static final int MAX_EVENTS_PER_ITEM = 5000;

    private final Outbox outbox;
    private final ObjectMapper json;
    private final Clock clock;
    private volatile Runnable onUrgent = () -> { };
    private volatile boolean inventoryLost;
    private boolean warnedFull;

    public AgentReports(Outbox outbox, ObjectMapper json, Clock clock) {
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    /** What to run when an urgent item (a critical event) is queued: the sync loop syncs at once. */
    public void onUrgent(Runnable action) {
        this.onUrgent = action;
    }

    /** Queues events (in items of at most {@link #MAX_EVENTS_PER_ITEM}); each needs its id already. */
    public void events(List<NewEvent> events) throws IOException {
        for (int from = 0; from < events.size(); from += MAX_EVENTS_PER_ITEM) {
            List<NewEvent> chunk = events.subList(from, Math.min(events.size(), from + MAX_EVENTS_PER_ITEM));
            append(SyncItemKind.EVENTS, chunk);
        }
        if (events.stream().anyMatch(event -> event.severity() == EventSeverity.CRITICAL)) {
            onUrgent.run();
        }
    }

    /** Queues one event of the agent itself (source {@code core}). */
    public void coreEvent(String type, EventSeverity severity, String description, Map<String, Object> payload)
            throws IOException {
        events(List.of(new NewEvent(UUID.randomUUID(), clock.instant(), null, null, Event.CORE_SOURCE, type,
                severity, description, payload)));
    }

    /** Queues an inventory report; returns its sequence number. */
    public long inventory(InventoryReport report) throws IOException {
        return append(SyncItemKind.INVENTORY, report);
    }

    public void applicationData(ApplicationData data) throws IOException {
        append(SyncItemKind.APPLICATION_DATA, data);
    }

    public void instructionResult(InstructionResult result) throws IOException {
        append(SyncItemKind.INSTRUCTION_RESULT, result);
    }

    /** Whether the outbox dropped an inventory report since the last call: the next report must be a full one. */
    public boolean takeInventoryLost() {
        boolean lost = inventoryLost;
        inventoryLost = false;
        return lost;
    }

    private long append(SyncItemKind kind, Object member) throws IOException {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(member);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A " + kind + " item cannot be written as JSON", e);
        }
        long seq = outbox.append(kind, bytes);
        reportOverflow();
        return seq;
    }

    /** Queues one warning per time the outbox fills up (not one per item dropped). */
    private synchronized void reportOverflow() throws IOException {
        var overflow = outbox.takeOverflow();
        if (overflow.isEmpty()) {
            warnedFull = warnedFull && outbox.overflowing();
            return;
        }
        OutboxOverflow dropped = overflow.get();
        if (dropped.droppedInventories() > 0) {
            inventoryLost = true;
        }
        if (warnedFull) {
            return;
        }
        warnedFull = true;
        List<NewEvent> warning = new ArrayList<>(1);
        warning.add(new NewEvent(UUID.randomUUID(), clock.instant(), null, null, Event.CORE_SOURCE,
                "agent-outbox-full", EventSeverity.WARNING,
                "The agent's outbox was full (the server was out of reach for long): its oldest events were dropped",
                Map.of("droppedEventItems", dropped.droppedEvents(),
                        "droppedInventoryReports", dropped.droppedInventories())));
        outbox.append(SyncItemKind.EVENTS, json.writeValueAsBytes(warning));
    }
}
