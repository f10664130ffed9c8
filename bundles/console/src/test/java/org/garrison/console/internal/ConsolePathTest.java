package org.garrison.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.garrison.console.internal.ConsolePath.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConsolePathTest {

    @Test
    void theConsoleRootIsTheApp() {
        assertEquals(new ConsolePath(Kind.APP_ROUTE, "index.html"), ConsolePath.of("/"));
        assertEquals(Kind.APP_ROUTE, ConsolePath.of("").kind());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/overview", "/devices/7c1f0b2e-5d1a-4f7e-9a51-2b1d0d6c3e11", "/groups/", "/a/b/c"})
    void pathsWithoutAFileExtensionAreAppRoutes(String pathInfo) {
        assertEquals(new ConsolePath(Kind.APP_ROUTE, "index.html"), ConsolePath.of(pathInfo));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/index.html", "/favicon.svg", "/assets/index-C7aW6-3I.js", "/assets/RedHatTextVF.woff2"})
    void pathsWithAFileExtensionAreFiles(String pathInfo) {
        assertEquals(new ConsolePath(Kind.FILE, pathInfo.substring(1)), ConsolePath.of(pathInfo));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/..", "/../pom.xml", "/assets/../../etc/passwd", "/./index.html", "/assets/./x.js",
        "//etc/passwd", "/assets//x.js", "/..\\..\\x.js", "/assets\\x.js",
        "/%2e%2e/pom.xml", "/%2E%2E%2Fpom.xml", "/assets/%252e%252e/x.js", "/x.js%00",
        "/x\u0000.js", "/x\n.js", "relative.js"})
    void traversalAndEncodedCharactersAreRefused(String pathInfo) {
        assertEquals(Kind.INVALID, ConsolePath.of(pathInfo).kind());
    }

    @Test
    void aDotInADirectoryNameDoesNotMakeAFile() {
        assertEquals(Kind.APP_ROUTE, ConsolePath.of("/devices/host.example.org/").kind());
        assertEquals(Kind.APP_ROUTE, ConsolePath.of("/v1.2/settings").kind());
    }
}
