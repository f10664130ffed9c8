package org.garrison.console.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleFilesTest {

    private static final String SCRIPT = "console.log('garrison');\n".repeat(200);

    @TempDir
    Path bundle;

    @Test
    void findsAFileOnceAndKeepsIt() throws IOException {
        write("static/assets/app-1a2b.js", SCRIPT);
        ConsoleFiles files = filesOf(bundle);

        ConsoleFile first = files.find("assets/app-1a2b.js").orElseThrow();

        assertSame(first, files.find("assets/app-1a2b.js").orElseThrow());
        assertEquals("text/javascript;charset=utf-8", first.contentType());
        assertEquals(CachePolicy.IMMUTABLE, first.cacheControl());
    }

    @Test
    void aMissingFileIsNotFound() throws IOException {
        write("static/index.html", "<!doctype html>");

        assertTrue(filesOf(bundle).find("assets/missing.js").isEmpty());
    }

    @Test
    void onlyTheAppFolderIsServed() throws IOException {
        write("secret.properties", "password=x");

        assertTrue(filesOf(bundle).find("secret.properties").isEmpty());
    }

    @Test
    void textFilesHaveAGzipVariantWithItsOwnEtag() throws IOException {
        ConsoleFile file = ConsoleFile.of("assets/app.js", SCRIPT.getBytes(StandardCharsets.UTF_8));

        ConsoleFile.Representation identity = file.representationFor(false);
        ConsoleFile.Representation gzip = file.representationFor(true);

        assertTrue(file.hasVariants());
        assertNull(identity.contentEncoding());
        assertEquals("gzip", gzip.contentEncoding());
        assertNotEquals(identity.etag(), gzip.etag());
        assertTrue(gzip.body().length < identity.body().length);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip.body()))) {
            assertArrayEquals(identity.body(), in.readAllBytes());
        }
    }

    @Test
    void fontsAndTinyFilesAreSentAsTheyAre() {
        ConsoleFile font = ConsoleFile.of("assets/f.woff2", new byte[4096]);
        ConsoleFile tiny = ConsoleFile.of("robots.txt", "x".getBytes(StandardCharsets.UTF_8));

        assertFalse(font.hasVariants());
        assertFalse(tiny.hasVariants());
        assertNull(font.representationFor(true).contentEncoding());
    }

    @Test
    void theEtagFollowsTheContent() {
        String a = ConsoleFile.of("index.html", "a".getBytes(StandardCharsets.UTF_8)).representationFor(false).etag();
        String sameA = ConsoleFile.of("other.html", "a".getBytes(StandardCharsets.UTF_8)).representationFor(false).etag();
        String b = ConsoleFile.of("index.html", "b".getBytes(StandardCharsets.UTF_8)).representationFor(false).etag();

        assertEquals(a, sameA);
        assertNotEquals(a, b);
        assertTrue(a.matches("\"[A-Za-z0-9_-]{22}\""), a);
    }

    private void write(String name, String content) throws IOException {
        Path file = bundle.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    static ConsoleFiles filesOf(Path root) throws IOException {
        return new ConsoleFiles(new URLClassLoader(new URL[] {root.toUri().toURL()}, null), "static");
    }
}
