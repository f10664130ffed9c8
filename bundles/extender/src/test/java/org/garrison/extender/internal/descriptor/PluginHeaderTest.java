package org.garrison.extender.internal.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PluginHeaderTest {

    @Test
    void aHeaderGivesIdAndVersion() {
        PluginHeader header = PluginHeader.parse(" endpoint-protection ; version=\"2.10.3\" ");

        assertEquals("endpoint-protection", header.id());
        assertEquals(new PluginVersion(2, 10, 3), header.version());
    }

    @Test
    void malformedHeadersAreRefusedWithTheReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PluginHeader.parse("acme"))
                .getMessage().contains("expected"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PluginHeader.parse("Acme_AV;version=1.0.0"))
                .getMessage().contains("not valid"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PluginHeader.parse("acme;version=1.0"))
                .getMessage().contains("major.minor.micro"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PluginHeader.parse(null))
                .getMessage().contains("no Garrison-Plugin header"));
    }

    @Test
    void versionsCompareNumerically() {
        assertTrue(PluginVersion.parse("1.10.0").compareTo(PluginVersion.parse("1.9.9")) > 0);
        assertEquals(new PluginVersion(0, 1, 0), PluginVersion.ofServer("0.1.0-SNAPSHOT"));
        assertEquals(new PluginVersion(2, 0, 0), PluginVersion.ofServer("2"));
    }
}
