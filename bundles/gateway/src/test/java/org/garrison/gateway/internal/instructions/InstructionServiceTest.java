package org.garrison.gateway.internal.instructions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.Actor;
import org.garrison.api.agent.InstructionState;
import org.garrison.api.agent.InstructionStatus;
import org.garrison.api.agent.NewInstruction;
import org.garrison.api.device.DeviceIdentity;
import org.garrison.api.device.DeviceRegistration;
import org.garrison.api.error.FieldError;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.error.ValidationException;
import org.garrison.gateway.internal.server.AgentJson;
import org.garrison.gateway.internal.server.GatewaySettings;
import org.garrison.gateway.internal.sync.MutableClock;
import org.garrison.gateway.internal.sync.TestBed;
import org.junit.jupiter.api.Test;

class InstructionServiceTest {

    private final TestBed bed = new TestBed();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));
    private final WakeChannel wake = new WakeChannel(bed.transactions, bed.devices, GatewaySettings.defaults());
    private final InstructionService service = new InstructionService(bed.transactions, bed.devices, wake, clock);

    private UUID device() {
        return bed.devices.register(new DeviceRegistration("ws", null, DeviceIdentity.unknown()),
                Actor.system("test")).id();
    }

    @Test
    void anInstructionIsQueuedForEachDeviceWithItsReference() {
        UUID one = device();
        UUID two = device();
        List<UUID> ids = service.enqueue(List.of(one, two), new NewInstruction("scan", "endpoint-protection",
                Map.of("depth", "full"), null, "task-7"));
        assertEquals(2, ids.size());
        InstructionStatus first = service.get(ids.get(0));
        assertEquals(one, first.deviceId());
        assertEquals(InstructionState.PENDING, first.state());
        assertEquals("endpoint-protection", first.application());
        assertEquals(Set.copyOf(ids), Set.copyOf(service.byReference("task-7").stream().map(InstructionStatus::id)
                .toList()));
        assertEquals(List.of(), service.byReference("task-8"));
    }

    @Test
    void anUnknownDeviceQueuesNothing() {
        UUID known = device();
        assertThrows(NotFoundException.class, () -> service.enqueue(List.of(known, UUID.randomUUID()),
                new NewInstruction("sync-now", null, Map.of(), null, "r")));
        assertEquals(List.of(), service.byReference("r"));
    }

    @Test
    void aMalformedInstructionIsRefusedNamingEachField() {
        ValidationException refused = assertThrows(ValidationException.class, () -> service.enqueue(List.of(device()),
                new NewInstruction("bad type", "", Map.of("blob", "x".repeat(70_000)), clock.instant(),
                        "r".repeat(201))));
        assertEquals(List.of("type", "application", "parameters", "expiresAt", "reference"),
                refused.errors().stream().map(FieldError::field).toList());
        assertThrows(ValidationException.class, () -> service.enqueue(List.of(),
                new NewInstruction("sync-now", null, Map.of(), null, null)));
    }

    @Test
    void cancellingLeavesFinishedInstructionsAsTheyAre() {
        UUID device = device();
        List<UUID> ids = service.enqueue(List.of(device, device), new NewInstruction("sync-now", null, Map.of(),
                null, null));
        bed.transactions.runInTransaction(c -> new InstructionRepository(new AgentJson()).move(c, ids.get(1), InstructionState.SUCCEEDED, null, Map.of(), clock.instant()));
        assertEquals(1, service.cancel(List.of(ids.get(0), ids.get(1), UUID.randomUUID())));
        assertEquals(InstructionState.CANCELLED, service.get(ids.get(0)).state());
        assertEquals(InstructionState.SUCCEEDED, service.get(ids.get(1)).state());
        assertEquals(0, service.cancel(List.of(ids.get(0))));
    }

    @Test
    void anUnknownInstructionIsNotFound() {
        assertThrows(NotFoundException.class, () -> service.get(UUID.randomUUID()));
    }
}
