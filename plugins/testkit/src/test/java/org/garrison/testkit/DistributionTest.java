package org.garrison.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistributionTest {

    @TempDir
    Path temp;

    @Test
    void aTarGzIsUnpackedWithItsLaunchersExecutable() throws Exception {
        Path archive = temp.resolve("garrison-server-1.0.0.tar.gz");
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(
                Files.newOutputStream(archive)))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            add(tar, "garrison-server-1.0.0/bin/karaf", 0755, "#!/bin/sh");
            add(tar, "garrison-server-1.0.0/etc/org.garrison.gateway.cfg", 0644, "port = 13000\n");
            add(tar, "garrison-server-1.0.0/system/" + "org/very/long/path/".repeat(8) + "bundle.jar", 0644, "jar");
        }

        Path home = Distribution.install(archive, temp.resolve("server"));

        assertEquals(temp.resolve("server/garrison-server-1.0.0"), home);
        assertTrue(Files.isExecutable(home.resolve("bin/karaf")));
        assertFalse(Files.isExecutable(home.resolve("etc/org.garrison.gateway.cfg")));
        assertEquals("jar", Files.readString(home.resolve("system/" + "org/very/long/path/".repeat(8)
                + "bundle.jar")));
    }

    @Test
    void aZipWithoutFileModesStillGetsExecutableLaunchers() throws Exception {
        Path archive = temp.resolve("garrison-server-1.0.0.zip");
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(Files.newOutputStream(archive))) {
            for (String name : new String[] {"garrison-server-1.0.0/bin/karaf", "garrison-server-1.0.0/bin/stop",
                    "garrison-server-1.0.0/etc/system.properties"}) {
                zip.putArchiveEntry(new ZipArchiveEntry(name));
                zip.write("x".getBytes(StandardCharsets.UTF_8));
                zip.closeArchiveEntry();
            }
        }

        Path home = Distribution.install(archive, temp.resolve("server"));

        assertTrue(Files.isExecutable(home.resolve("bin/karaf")));
        assertTrue(Files.isExecutable(home.resolve("bin/stop")));
    }

    @Test
    void anEntryLeavingTheFolderIsRefused() throws Exception {
        Path archive = temp.resolve("evil.tar.gz");
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(
                Files.newOutputStream(archive)))) {
            add(tar, "garrison-server-1.0.0/bin/karaf", 0755, "#!/bin/sh");
            add(tar, "../outside.txt", 0644, "gotcha");
        }

        TestKitException refused = assertThrows(TestKitException.class,
                () -> Distribution.install(archive, temp.resolve("server")));

        assertTrue(refused.getMessage().contains("../outside.txt"), refused.getMessage());
        assertFalse(Files.exists(temp.resolve("outside.txt")));
    }

    @Test
    void somethingThatIsNoDistributionIsRefused() throws Exception {
        Path archive = temp.resolve("other.tar.gz");
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(
                Files.newOutputStream(archive)))) {
            add(tar, "readme.txt", 0644, "hello");
        }
        assertThrows(TestKitException.class, () -> Distribution.install(archive, temp.resolve("a")));
        assertThrows(TestKitException.class, () -> Distribution.install(temp.resolve("missing.zip"),
                temp.resolve("b")));
    }

    @Test
    void anUnpackedFolderIsCopiedWithoutTheDataOfAnEarlierRun() throws Exception {
        Path original = temp.resolve("garrison-server-1.0.0");
        Files.createDirectories(original.resolve("bin"));
        Files.createDirectories(original.resolve("etc"));
        Files.createDirectories(original.resolve("data/log"));
        Files.writeString(original.resolve("bin/karaf"), "#!/bin/sh");
        Files.writeString(original.resolve("data/log/karaf.log"), "old run");

        Path home = Distribution.install(original, temp.resolve("copy"));

        assertTrue(Files.exists(home.resolve("bin/karaf")));
        assertFalse(Files.exists(home.resolve("data")));
        assertTrue(Files.exists(original.resolve("data/log/karaf.log")), "the original stays as it was");
    }

    private static void add(TarArchiveOutputStream tar, String name, int mode, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setMode(mode);
        entry.setSize(bytes.length);
        tar.putArchiveEntry(entry);
        OutputStream out = tar;
        out.write(bytes);
        tar.closeArchiveEntry();
    }
}
