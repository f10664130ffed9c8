package org.garrison.extender.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;

import org.garrison.api.event.EventSeverity;
import org.garrison.api.event.NewEvent;
import org.garrison.api.plugin.PluginInfo;
import org.garrison.api.plugin.PluginState;
import org.junit.jupiter.api.Test;

class PluginEventsTest {

    private final PluginEvents events = new PluginEvents();

    private static PluginInfo plugin(String version, PluginState state, String message) {
        return new PluginInfo("device-control", "Device Control", "Garrison", version, "0.1.0", state, message, 42,
                Instant.parse("2026-11-26T12:00:00Z"), null);
    }

    @Test
    void becomingActiveIsReportedWithAnUpgradesPreviousVersion() {
        NewEvent installed = events.event(plugin("1.0.0", PluginState.STARTING, null),
                plugin("1.0.0", PluginState.ACTIVE, null));
        assertEquals(PluginEvents.ACTIVATED, installed.type());
        assertEquals("Plugin device-control 1.0.0 is active", installed.description());
        assertNull(installed.payload().get("previousVersion"));

        NewEvent upgraded = events.event(plugin("1.0.0", PluginState.ACTIVE, null),
                plugin("1.1.0", PluginState.ACTIVE, null));
        assertEquals(PluginEvents.ACTIVATED, upgraded.type());
        assertEquals("1.0.0", upgraded.payload().get("previousVersion"));
        assertEquals("1.1.0", upgraded.payload().get("version"));
    }

    @Test
    void aRefusalIsAFunctionalFailureWithItsReason() {
        NewEvent refused = events.event(null, plugin("1.0.0", PluginState.REFUSED, "Migration failed: table exists"));
        assertEquals(PluginEvents.REFUSED, refused.type());
        assertEquals(EventSeverity.FUNCTIONAL_FAILURE, refused.severity());
        assertEquals("Migration failed: table exists", refused.payload().get("message"));
    }

    @Test
    void stoppingAndUninstallingAreReportedAndPassingThroughStartingIsNot() {
        assertEquals(PluginEvents.STOPPED, events.event(plugin("1.0.0", PluginState.ACTIVE, null),
                plugin("1.0.0", PluginState.STOPPED, null)).type());
        assertEquals(PluginEvents.UNINSTALLED, events.event(plugin("1.0.0", PluginState.STOPPED, null), null).type());
        assertNull(events.event(null, plugin("1.0.0", PluginState.STARTING, null)));
        assertNull(events.event(plugin("1.0.0", PluginState.ACTIVE, null), plugin("1.0.0", PluginState.ACTIVE,
                null)), "no change a reader would notice");
        assertNull(events.event(null, null));
    }
}
