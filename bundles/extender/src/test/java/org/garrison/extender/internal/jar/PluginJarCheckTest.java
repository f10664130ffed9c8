package org.garrison.extender.internal.jar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.garrison.api.error.ValidationException;
import org.garrison.extender.internal.descriptor.DescriptorReader;
import org.garrison.extender.internal.schema.JsonSchemas;
import org.junit.jupiter.api.Test;

class PluginJarCheckTest {

    private static final String MANIFEST = "Manifest-Version: 1.0\r\nBundle-ManifestVersion: 2\r\n"
            + "Bundle-SymbolicName: com.acme.av\r\nBundle-Version: 1.0.0\r\n"
            + "Garrison-Plugin: acme-av;version=1.0.0\r\n\r\n";
    private static final String DESCRIPTOR = "{\"id\":\"acme-av\",\"name\":\"Acme\",\"version\":\"1.0.0\"}";

    private final PluginJarCheck check = new PluginJarCheck(new DescriptorReader(new JsonSchemas()), 100_000);

    @Test
    void aValidPluginJarPassesAndItsTemporaryFileGoesOnClose() throws IOException {
        CheckedJar checked = check.check(jar(valid()), "acme-av.jar");

        assertEquals("acme-av", checked.descriptor().id());
        assertEquals("com.acme.av", checked.symbolicName());
        assertTrue(Files.exists(checked.file()));
        checked.close();
        assertFalse(Files.exists(checked.file()));
    }

    @Test
    void entriesLeavingTheJarAreRefused() throws IOException {
        for (String name : new String[] {"../evil.sh", "GARRISON-INF/../../evil.sh", "/etc/passwd", "C:/evil.dll",
                "a\\..\\b"}) {
            Map<String, String> entries = valid();
            entries.put(name, "x");
            ValidationException refused = assertThrows(ValidationException.class,
                    () -> check.check(jar(entries), "evil.jar"), name);
            assertTrue(refused.getMessage().contains(name.replace("\\", "\\")), refused.getMessage());
        }
    }

    @Test
    void aJarWithoutDescriptorIsRefused() throws IOException {
        Map<String, String> entries = valid();
        entries.remove("GARRISON-INF/plugin.json");

        assertTrue(assertThrows(ValidationException.class, () -> check.check(jar(entries), "x.jar")).getMessage()
                .contains("GARRISON-INF/plugin.json"));
    }

    @Test
    void aJarWithoutThePluginHeaderIsRefused() throws IOException {
        Map<String, String> entries = valid();
        entries.put("META-INF/MANIFEST.MF", MANIFEST.replace("Garrison-Plugin: acme-av;version=1.0.0\r\n", ""));

        assertTrue(assertThrows(ValidationException.class, () -> check.check(jar(entries), "x.jar")).getMessage()
                .contains("no Garrison-Plugin header"));
    }

    @Test
    void aJarThatIsNoBundleIsRefused() throws IOException {
        Map<String, String> entries = valid();
        entries.put("META-INF/MANIFEST.MF", MANIFEST.replace("Bundle-SymbolicName: com.acme.av\r\n", ""));

        assertTrue(assertThrows(ValidationException.class, () -> check.check(jar(entries), "x.jar")).getMessage()
                .contains("not an OSGi bundle"));
    }

    @Test
    void aJarWithoutManifestIsRefused() throws IOException {
        Map<String, String> entries = valid();
        entries.remove("META-INF/MANIFEST.MF");

        assertTrue(assertThrows(ValidationException.class, () -> check.check(jar(entries), "x.jar")).getMessage()
                .contains("MANIFEST.MF"));
    }

    @Test
    void somethingElseThanAZipIsRefused() {
        ValidationException refused = assertThrows(ValidationException.class,
                () -> check.check(new ByteArrayInputStream("hello".getBytes()), "hello.jar"));

        assertTrue(refused.getMessage().contains("hello.jar is not a JAR"), refused.getMessage());
        assertThrows(ValidationException.class, () -> check.check(new ByteArrayInputStream(new byte[0]), "e.jar"));
    }

    @Test
    void aJarOverTheLimitIsRefusedWithoutReadingItAll() {
        CountingStream endless = new CountingStream(10_000_000);

        assertThrows(PluginJarTooLarge.class, () -> check.check(endless, "huge.jar"));
        assertTrue(endless.read < 200_000, "read " + endless.read);
    }

    @Test
    void entryNamesAreJudgedOneByOne() {
        assertEquals(null, PluginJarCheck.entryNameProblem("GARRISON-INF/console/app.js"));
        assertTrue(PluginJarCheck.entryNameProblem("a/../../b").contains("traversal"));
        assertTrue(PluginJarCheck.entryNameProblem("/abs").contains("absolute"));
        assertTrue(PluginJarCheck.entryNameProblem("a\u0000b").contains("control"));
    }

    private static Map<String, String> valid() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("META-INF/MANIFEST.MF", MANIFEST);
        entries.put("GARRISON-INF/plugin.json", DESCRIPTOR);
        return entries;
    }

    private static ByteArrayInputStream jar(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }

    /** A stream of zeros that counts how much of it was read. */
    private static final class CountingStream extends java.io.InputStream {
        private final long length;
        long read;

        CountingStream(long length) {
            this.length = length;
        }

        @Override
        public int read() {
            if (read >= length) {
                return -1;
            }
            read++;
            return 0;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) {
            if (read >= length) {
                return -1;
            }
            int n = (int) Math.min(count, length - read);
            read += n;
            return n;
        }
    }
}
