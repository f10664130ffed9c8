package org.garrison.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFilesTest {

    @TempDir
    Path home;

    @Test
    void aKeyIsReplacedWhereItIsAndEveryOtherLineStays() throws Exception {
        Path file = home.resolve("etc/org.garrison.gateway.cfg");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "# the port agents use\nport = 13000\nportable=yes\n", StandardCharsets.UTF_8);

        new ConfigFiles(home).set("etc/org.garrison.gateway.cfg", "port", "40001");

        assertEquals("# the port agents use\nport = 40001\nportable=yes\n", Files.readString(file));
        assertEquals("40001", new ConfigFiles(home).read("etc/org.garrison.gateway.cfg").getProperty("port"));
    }

    @Test
    void aMissingKeyIsAddedOnALineOfItsOwn() throws Exception {
        Path file = home.resolve("etc/system.properties");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "karaf.name = root", StandardCharsets.UTF_8);

        new ConfigFiles(home).set("etc/system.properties", "garrison.http.port", "40002");

        assertEquals("karaf.name = root\ngarrison.http.port = 40002\n", Files.readString(file));
    }

    @Test
    void filesOutsideTheDistributionAndMultiLineValuesAreRefused() {
        ConfigFiles files = new ConfigFiles(home);
        assertThrows(IllegalArgumentException.class, () -> files.set("../elsewhere.cfg", "a", "b"));
        assertThrows(IllegalArgumentException.class, () -> files.set("etc/x.cfg", "a", "b\nc = d"));
    }
}
