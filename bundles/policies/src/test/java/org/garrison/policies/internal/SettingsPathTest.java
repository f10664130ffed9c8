package org.garrison.policies.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SettingsPathTest {

    @Test
    void keysWithSlashesAndTildesAreEscapedLikeJsonPointers() {
        SettingsPath path = SettingsPath.parse("exclusions/C:~1Temp/a~0b");
        assertEquals(List.of("exclusions", "C:/Temp", "a~b"), path.keys());
        assertEquals("exclusions/C:~1Temp/a~0b", path.toString());
        assertEquals("scan/schedule", SettingsPath.parse("/scan/schedule").toString());
        assertEquals("settings/scan", SettingsPath.parse("scan").under("settings"));
        assertEquals("settings", SettingsPath.ROOT.under("settings"));
    }

    @Test
    void emptyKeysBadEscapesAndOverlongPathsAreRefused() {
        for (String bad : new String[] {"", "/", "scan//interval", "scan/", "scan/~2", "scan/~", "a\nb",
            "x".repeat(SettingsPath.MAX_LENGTH + 1), "a/".repeat(SettingsPath.MAX_DEPTH) + "a"}) {
            assertThrows(IllegalArgumentException.class, () -> SettingsPath.parse(bad), bad);
        }
    }

    @Test
    void aPathCoversItselfAndEverythingBelowIt() {
        SettingsPath scan = SettingsPath.parse("scan");
        SettingsPath interval = SettingsPath.parse("scan/schedule/interval");
        assertTrue(scan.covers(interval));
        assertTrue(scan.covers(scan));
        assertFalse(interval.covers(scan));
        assertFalse(SettingsPath.parse("scanner").covers(SettingsPath.parse("scan")));
        assertFalse(SettingsPath.parse("scan").covers(SettingsPath.parse("scanner/x")));
        assertTrue(interval.isBelow(scan));
        assertFalse(scan.isBelow(scan));
    }
}
