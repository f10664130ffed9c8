package org.garrison.extender.internal.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConsoleModulePathTest {

    @Test
    void aPathNamesThePluginAndTheFileBelowItsConsoleFolder() {
        ConsoleModulePath path = ConsoleModulePath.of("/acme-av/pages/threats.js").orElseThrow();

        assertEquals("acme-av", path.pluginId());
        assertEquals("pages/threats.js", path.file());
    }

    @Test
    void pathsThatCouldLeaveTheFolderAreRefused() {
        for (String refused : new String[] {null, "", "/", "/acme-av", "/acme-av/", "/acme-av/../plugin.json",
                "/acme-av/./x.js", "/acme-av//x.js", "/acme-av/a\\b.js", "/acme-av/%2e%2e/x.js", "/Acme/x.js",
                "/acme-av/pages/"}) {
            assertTrue(ConsoleModulePath.of(refused).isEmpty(), String.valueOf(refused));
        }
    }
}
