package org.garrison.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.servlet.ServletException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleServletTest {

    private static final String INDEX = "<!doctype html><title>Garrison</title>";
    private static final String SCRIPT = "export const x = 1;\n".repeat(100);

    @TempDir
    Path bundle;

    private ConsoleServlet servlet;

    @BeforeEach
    void buildApp() throws IOException {
        Files.createDirectories(bundle.resolve("static/assets"));
        Files.writeString(bundle.resolve("static/index.html"), INDEX);
        Files.writeString(bundle.resolve("static/assets/index-C7aW6-3I.js"), SCRIPT);
        Files.writeString(bundle.resolve("pom.xml"), "<project/>");
        servlet = new ConsoleServlet(ConsoleFilesTest.filesOf(bundle));
    }

    @Test
    void theRootAnswersTheAppWithoutCaching() throws Exception {
        FakeHttp.Answer answer = get("/", Map.of());

        assertEquals(200, answer.status);
        assertEquals(INDEX, answer.text());
        assertEquals("text/html;charset=utf-8", answer.header("Content-Type"));
        assertEquals("no-cache", answer.header("Cache-Control"));
        assertTrue(answer.header("ETag").startsWith("\""));
    }

    @Test
    void anUnknownRouteAnswersTheAppForDeepLinks() throws Exception {
        FakeHttp.Answer answer = get("/does/not/exist", Map.of());

        assertEquals(200, answer.status);
        assertEquals(INDEX, answer.text());
        assertEquals("no-cache", answer.header("Cache-Control"));
    }

    @Test
    void hashedAssetsAreCachedForAYear() throws Exception {
        FakeHttp.Answer answer = get("/assets/index-C7aW6-3I.js", Map.of());

        assertEquals(200, answer.status);
        assertEquals(SCRIPT, answer.text());
        assertEquals("text/javascript;charset=utf-8", answer.header("Content-Type"));
        assertEquals("public, max-age=31536000, immutable", answer.header("Cache-Control"));
        assertEquals(String.valueOf(SCRIPT.length()), answer.header("Content-Length"));
    }

    @Test
    void aCurrentCopyIsConfirmedWith304() throws Exception {
        String etag = get("/assets/index-C7aW6-3I.js", Map.of()).header("ETag");

        FakeHttp.Answer answer = get("/assets/index-C7aW6-3I.js", Map.of("If-None-Match", etag));

        assertEquals(304, answer.status);
        assertEquals(0, answer.body.size());
        assertEquals(etag, answer.header("ETag"));
        assertEquals("public, max-age=31536000, immutable", answer.header("Cache-Control"));
    }

    @Test
    void browsersThatAcceptGzipGetTheCompressedVariant() throws Exception {
        FakeHttp.Answer answer = get("/assets/index-C7aW6-3I.js", Map.of("Accept-Encoding", "gzip, br"));

        assertEquals(200, answer.status);
        assertEquals("gzip", answer.header("Content-Encoding"));
        assertEquals("Accept-Encoding", answer.header("Vary"));
        assertTrue(answer.body.size() < SCRIPT.length());
    }

    @Test
    void aMissingFileIsNotFoundInsteadOfTheApp() throws Exception {
        FakeHttp.Answer answer = get("/assets/gone-1234.js", Map.of());

        assertEquals(404, answer.status);
        assertEquals("no-store", answer.header("Cache-Control"));
    }

    @Test
    void traversalIsRefused() throws Exception {
        assertEquals(400, get("/../pom.xml", Map.of()).status);
        assertEquals(400, get("/assets/%2e%2e/%2e%2e/pom.xml", Map.of()).status);
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        for (String pathInfo : new String[] {"/", "/assets/index-C7aW6-3I.js", "/missing.js", "/../x"}) {
            FakeHttp.Answer answer = get(pathInfo, Map.of());

            assertEquals("nosniff", answer.header("X-Content-Type-Options"), pathInfo);
            assertEquals("no-referrer", answer.header("Referrer-Policy"), pathInfo);
            assertEquals("DENY", answer.header("X-Frame-Options"), pathInfo);
            assertTrue(answer.header("Content-Security-Policy").startsWith("default-src 'self'"), pathInfo);
        }
    }

    @Test
    void theConsoleWithoutTrailingSlashRedirects() throws Exception {
        FakeHttp.Answer answer = get(null, Map.of());

        assertEquals(302, answer.status);
        assertEquals("/console/", answer.header("Location"));
        assertEquals("DENY", answer.header("X-Frame-Options"));
    }

    @Test
    void anAppBuiltWithoutTheWebPartAnswers404() throws Exception {
        Files.delete(bundle.resolve("static/index.html"));
        servlet = new ConsoleServlet(ConsoleFilesTest.filesOf(bundle));

        FakeHttp.Answer answer = get("/overview", Map.of());

        assertEquals(404, answer.status);
        assertNull(answer.header("ETag"));
    }

    private FakeHttp.Answer get(String pathInfo, Map<String, String> headers) throws ServletException, IOException {
        FakeHttp.Answer answer = new FakeHttp.Answer();
        servlet.service(FakeHttp.get("/console", pathInfo, headers), answer.response());
        return answer;
    }
}
