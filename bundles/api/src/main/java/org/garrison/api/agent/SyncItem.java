package org.garrison.api.agent;

import java.util.List;

import org.garrison.api.device.InventoryReport;
import org.garrison.api.event.NewEvent;

/**
 * One entry of an agent's outbox. Exactly the field named by {@code kind} is set.
 *
 * <p>{@code seq} is the agent's sequence number: positive, strictly increasing within the agent's life (gaps are
 * allowed). The server stores items in sequence order, each at most once: an item whose sequence number is not above
 * the highest one stored for the agent is skipped as already stored.
 *
 * @param seq               the agent's sequence number
 * @param kind              what the item carries
 * @param inventory         an inventory report whose {@code deviceId} is {@code null} or the agent's own device
 * @param events            1 to 5,000 events, each with an {@code id} chosen by the agent and with {@code deviceId}
 *                          and {@code groupId} {@code null} (or the agent's own device)
 * @param applicationData   data of a managed application
 * @param instructionResult the outcome of an instruction
 */
public record SyncItem(long seq, SyncItemKind kind, InventoryReport inventory, List<NewEvent> events,
        ApplicationData applicationData, InstructionResult instructionResult) {

    public SyncItem {
        events = events == null ? null : List.copyOf(events);
    }

    public static SyncItem inventory(long seq, InventoryReport report) {
        return new SyncItem(seq, SyncItemKind.INVENTORY, report, null, null, null);
    }

    public static SyncItem events(long seq, List<NewEvent> events) {
        return new SyncItem(seq, SyncItemKind.EVENTS, null, events, null, null);
    }

    public static SyncItem applicationData(long seq, ApplicationData data) {
        return new SyncItem(seq, SyncItemKind.APPLICATION_DATA, null, null, data, null);
    }

    public static SyncItem instructionResult(long seq, InstructionResult result) {
        return new SyncItem(seq, SyncItemKind.INSTRUCTION_RESULT, null, null, null, result);
    }
}
