package org.garrison.gateway.internal.instructions;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.garrison.api.Ids;
import org.garrison.api.agent.AgentInstructions;
import org.garrison.api.agent.InstructionState;
import org.garrison.api.agent.InstructionStatus;
import org.garrison.api.agent.NewInstruction;
import org.garrison.api.device.DeviceService;
import org.garrison.api.error.FieldError;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.error.ValidationException;
import org.garrison.api.store.MigratedSchema;
import org.garrison.api.store.Transactions;
import org.garrison.gateway.internal.server.AgentJson;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Queues instructions for devices (delivered with the answers to their syncs) and wakes agents to sync now.
 */
@Component(service = AgentInstructions.class)
public class InstructionService implements AgentInstructions {

    /** The largest parameters object, in characters of its JSON text. */
    public static final int MAX_PARAMETERS_LENGTH = 64 * 1024;

    /** The longest reference. */
    public static final int MAX_REFERENCE_LENGTH = 200;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0," + (MAX_NAME_LENGTH - 1) + "}");

    private final Transactions transactions;
    private final DeviceService devices;
    private final WakeChannel wake;
    private final Clock clock;
    private final AgentJson json = new AgentJson();
    private final InstructionRepository repository = new InstructionRepository(json);

    @Activate
    public InstructionService(@Reference Transactions transactions, @Reference DeviceService devices,
            @Reference WakeChannel wake, @Reference(target = "(garrison.schema=gateway)") MigratedSchema schema) {
        this(transactions, devices, wake, Clock.systemUTC());
    }

    InstructionService(Transactions transactions, DeviceService devices, WakeChannel wake, Clock clock) {
        this.transactions = transactions;
        this.devices = devices;
        this.wake = wake;
        this.clock = clock;
    }

    @Override
    public List<UUID> enqueue(Collection<UUID> deviceIds, NewInstruction instruction) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        check(deviceIds, instruction, now);
        List<StoredInstruction> rows = new ArrayList<>(deviceIds.size());
        for (UUID deviceId : deviceIds) {
            rows.add(new StoredInstruction(Ids.newId(), deviceId, instruction.type(), instruction.application(),
                    instruction.parameters(), instruction.reference(), InstructionState.PENDING, null, null, now, now,
                    instruction.expiresAt()));
        }
        transactions.runInTransaction(connection -> {
            Set<UUID> wanted = new LinkedHashSet<>(deviceIds);
            Set<UUID> known = devices.groupsOf(wanted).keySet();
            for (UUID deviceId : wanted) {
                if (!known.contains(deviceId)) {
                    throw new NotFoundException("Device", deviceId);
                }
            }
            repository.insert(connection, rows);
        });
        return rows.stream().map(StoredInstruction::id).toList();
    }

    private void check(Collection<UUID> deviceIds, NewInstruction instruction, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (deviceIds == null || deviceIds.isEmpty()) {
            errors.add(new FieldError("deviceIds", "must name at least one device"));
        } else if (deviceIds.stream().anyMatch(Objects::isNull)) {
            errors.add(new FieldError("deviceIds", "must not contain null"));
        }
        if (instruction == null) {
            errors.add(new FieldError("instruction", "is required"));
            throw new ValidationException(errors);
        }
        if (instruction.type() == null || !NAME.matcher(instruction.type()).matches()) {
            errors.add(new FieldError("type", "must be 1 to " + MAX_NAME_LENGTH + " letters, digits, '.', '_' or "
                    + "'-', starting with a letter or digit"));
        }
        if (instruction.application() != null && !NAME.matcher(instruction.application()).matches()) {
            errors.add(new FieldError("application", "must be 1 to " + MAX_NAME_LENGTH + " letters, digits, '.', "
                    + "'_' or '-', starting with a letter or digit"));
        }
        if (json.length(instruction.parameters()) > MAX_PARAMETERS_LENGTH) {
            errors.add(new FieldError("parameters", "must be at most " + MAX_PARAMETERS_LENGTH
                    + " characters as JSON"));
        }
        if (instruction.expiresAt() != null && !instruction.expiresAt().isAfter(now)) {
            errors.add(new FieldError("expiresAt", "must be in the future"));
        }
        if (instruction.reference() != null && (instruction.reference().isBlank()
                || instruction.reference().length() > MAX_REFERENCE_LENGTH)) {
            errors.add(new FieldError("reference", "must be 1 to " + MAX_REFERENCE_LENGTH + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    @Override
    public int cancel(Collection<UUID> instructionIds) {
        if (instructionIds == null || instructionIds.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return transactions.inTransaction(connection -> {
            int cancelled = 0;
            for (StoredInstruction open : repository.openAmong(connection, new HashSet<>(instructionIds))) {
                if (repository.move(connection, open.id(), InstructionState.CANCELLED, null, null, now)) {
                    cancelled++;
                }
            }
            return cancelled;
        });
    }

    @Override
    public InstructionStatus get(UUID instructionId) {
        return transactions.inTransaction(connection -> repository.find(connection, instructionId))
                .map(StoredInstruction::status)
                .orElseThrow(() -> new NotFoundException("Instruction", instructionId));
    }

    @Override
    public List<InstructionStatus> byReference(String reference) {
        if (reference == null) {
            return List.of();
        }
        return transactions.inTransaction(connection -> repository.byReference(connection, reference)).stream()
                .map(StoredInstruction::status).toList();
    }

    @Override
    public int syncNow(Collection<UUID> deviceIds) {
        return wake.wake(deviceIds);
    }
}
