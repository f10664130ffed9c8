package com.example.helloapp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.garrison.api.agent.ApplicationData;
import org.garrison.testkit.ServerSchemaValidator;
import org.junit.jupiter.api.Test;

class GreetingReportsTest {

    private static final UUID DEVICE = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2026-11-26T12:00:00Z");

    private final GreetingReports reports = new GreetingReports(new ServerSchemaValidator());

    @Test
    void aReportFollowingItsSchemaBecomesTheDevicesGreeting() throws Exception {
        Greeting greeting = reports.read(DEVICE, new ApplicationData(HelloApp.ID, HelloApp.KIND_GREETINGS, AT,
                Map.of("lastGreeting", "Hi", "count", 3)));

        assertEquals(new Greeting(DEVICE, "Hi", 3, AT), greeting);
    }

    @Test
    void reportsBreakingTheSchemaAreRefusedWithTheirFields() {
        InvalidReportException refused = assertThrows(InvalidReportException.class, () -> reports.read(DEVICE,
                new ApplicationData(HelloApp.ID, HelloApp.KIND_GREETINGS, AT, Map.of("lastGreeting", "Hi",
                        "count", -1))));
        assertTrue(refused.getMessage().contains("count"), refused.getMessage());
        assertThrows(InvalidReportException.class, () -> reports.read(DEVICE, new ApplicationData(HelloApp.ID,
                HelloApp.KIND_GREETINGS, AT, Map.of("count", 1))));
    }

    @Test
    void otherKindsAndReportsWithoutTimeAreRefused() {
        assertThrows(InvalidReportException.class, () -> reports.read(DEVICE, new ApplicationData(HelloApp.ID,
                "farewells", AT, Map.of("lastGreeting", "Bye", "count", 1))));
        assertThrows(InvalidReportException.class, () -> reports.read(DEVICE, new ApplicationData(HelloApp.ID,
                HelloApp.KIND_GREETINGS, null, Map.of("lastGreeting", "Hi", "count", 1))));
    }
}
