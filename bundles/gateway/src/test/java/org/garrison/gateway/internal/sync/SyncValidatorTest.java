package org.garrison.gateway.internal.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.garrison.api.agent.ApplicationData;
import org.garrison.api.agent.InstructionResult;
import org.garrison.api.agent.InstructionState;
import org.garrison.api.agent.SyncItem;
import org.garrison.api.agent.SyncItemKind;
import org.garrison.api.agent.SyncRequest;
import org.garrison.api.device.InventoryReport;
import org.garrison.api.device.SoftwareChanges;
import org.garrison.api.device.SoftwareEntry;
import org.garrison.api.error.FieldError;
import org.garrison.api.event.EventSeverity;
import org.garrison.api.event.NewEvent;
import org.garrison.gateway.internal.GatewayRefusal;
import org.garrison.gateway.internal.server.AgentJson;
import org.junit.jupiter.api.Test;

class SyncValidatorTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private final SyncValidator validator = new SyncValidator(1000, new AgentJson());

    private static NewEvent event() {
        return new NewEvent(UUID.randomUUID(), NOW, null, null, "core", "agent-started", EventSeverity.INFO, "", null);
    }

    private List<String> fields(SyncItem... items) {
        GatewayRefusal refusal = assertThrows(GatewayRefusal.class,
                () -> validator.check(new SyncRequest(List.of(items), null)));
        assertEquals(400, refusal.status());
        assertEquals("invalid", refusal.code());
        return refusal.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void thePolicyHashesAndTagAnAgentSendsBackStaySmallAndWellFormed() {
        validator.check(new SyncRequest(List.of(), null, Map.of("endpoint-protection", "ab12"), "7.ff@1700000000"));
        GatewayRefusal refusal = assertThrows(GatewayRefusal.class, () -> validator.check(new SyncRequest(List.of(),
                null, Map.of("../etc", "x", "device-control", "", "ok", "y".repeat(201)), "t".repeat(201))));
        assertEquals(400, refusal.status());
        assertEquals(List.of("policies", "policies.device-control", "policies.ok", "policyTag"), refusal.errors()
                .stream().map(FieldError::field).sorted().toList());
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i <= SyncValidator.MAX_POLICIES; i++) {
            many.put("app-" + i, "h");
        }
        GatewayRefusal tooMany = assertThrows(GatewayRefusal.class,
                () -> validator.check(new SyncRequest(List.of(), null, many, null)));
        assertEquals(List.of("policies"), tooMany.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void aValidRequestOfEveryKindPasses() {
        validator.check(new SyncRequest(List.of(
                SyncItem.inventory(1, new InventoryReport(null, true, null, null, null, null, null, null, null, null,
                        null, null, null)),
                SyncItem.events(2, List.of(event())),
                SyncItem.applicationData(3, new ApplicationData("endpoint-protection", "threats", NOW, Map.of())),
                SyncItem.instructionResult(4, new InstructionResult(UUID.randomUUID(), InstructionState.FAILED, NOW,
                        "disk full", null))), "0.1.0"));
        validator.check(new SyncRequest(List.of(), null));
    }

    @Test
    void sequenceNumbersMustBePositiveAndIncreasing() {
        assertEquals(List.of("items[0].seq", "items[2].seq"), fields(SyncItem.events(0, List.of(event())),
                SyncItem.events(5, List.of(event())), SyncItem.events(5, List.of(event()))));
    }

    @Test
    void anItemCarriesExactlyTheMemberItsKindNames() {
        assertEquals(List.of("items[0].inventory", "items[0].events"), fields(new SyncItem(1, SyncItemKind.INVENTORY,
                null, List.of(event()), null, null)));
        assertEquals(List.of("items[0].kind"), fields(new SyncItem(1, null, null, List.of(event()), null, null)));
    }

    @Test
    void eventsNeedAnIdATimeNamesAndBoundedTextAndPayload() {
        NewEvent bad = new NewEvent(null, null, null, null, "bad source", "", EventSeverity.INFO, "x".repeat(2001),
                Map.of("blob", "y".repeat(70_000)));
        assertEquals(List.of("items[0].events[1].id", "items[0].events[1].occurredAt", "items[0].events[1].source",
                "items[0].events[1].type", "items[0].events[1].description", "items[0].events[1].payload"),
                fields(SyncItem.events(1, List.of(event(), bad))));
    }

    @Test
    void anEventsItemHoldsOneToFiveThousandEvents() {
        assertEquals(List.of("items[0].events"), fields(SyncItem.events(1, List.of())));
        assertEquals(List.of("items[0].events"), fields(SyncItem.events(1, Collections.nCopies(5001, event()))));
    }

    @Test
    void applicationDataNeedsNamesATimeAndAtMost256KiB() {
        assertEquals(List.of("items[0].applicationData.application", "items[0].applicationData.kind",
                "items[0].applicationData.reportedAt", "items[0].applicationData.data"),
                fields(SyncItem.applicationData(1, new ApplicationData("", "a kind", null,
                        Map.of("blob", "z".repeat(270_000))))));
    }

    @Test
    void instructionResultsNeedAFinalOrRunningStateAndAMessageForFailures() {
        assertEquals(List.of("items[0].instructionResult.instructionId", "items[0].instructionResult.state",
                "items[0].instructionResult.at"), fields(SyncItem.instructionResult(1,
                        new InstructionResult(null, InstructionState.PENDING, null, null, null))));
        assertEquals(List.of("items[0].instructionResult.message"), fields(SyncItem.instructionResult(1,
                new InstructionResult(UUID.randomUUID(), InstructionState.FAILED, NOW, " ", null))));
    }

    @Test
    void aFullInventoryReportCarriesNoChanges() {
        SoftwareEntry entry = new SoftwareEntry("openssl", "Debian", "3", null, null);
        assertEquals(List.of("items[0].inventory.software.updated"), fields(SyncItem.inventory(1,
                new InventoryReport(null, true, null, null, null, null, null, null, null, null,
                        new SoftwareChanges(List.of(), List.of(entry), List.of()), null, null))));
    }

    @Test
    void moreItemsThanAllowedAreTooLarge() {
        List<SyncItem> items = new ArrayList<>();
        for (int i = 1; i <= 1001; i++) {
            items.add(SyncItem.events(i, List.of(event())));
        }
        GatewayRefusal refusal = assertThrows(GatewayRefusal.class,
                () -> validator.check(new SyncRequest(items, null)));
        assertEquals(413, refusal.status());
        assertEquals("too-large", refusal.code());
    }

    @Test
    void aTooLongAgentVersionIsInvalid() {
        GatewayRefusal refusal = assertThrows(GatewayRefusal.class,
                () -> validator.check(new SyncRequest(List.of(), "v".repeat(51))));
        assertTrue(refusal.errors().stream().anyMatch(e -> e.field().equals("agentVersion")));
    }
}
