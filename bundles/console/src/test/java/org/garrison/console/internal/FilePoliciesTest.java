package org.garrison.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FilePoliciesTest {

    @Test
    void hashedAssetsAreImmutableForAYear() {
        assertEquals("public, max-age=31536000, immutable", CachePolicy.cacheControlFor("assets/index-C7aW6-3I.js"));
    }

    @Test
    void indexAndUnhashedFilesAreRevalidated() {
        assertEquals("no-cache", CachePolicy.cacheControlFor("index.html"));
        assertEquals("no-cache", CachePolicy.cacheControlFor("favicon.svg"));
    }

    @Test
    void contentTypesFollowTheExtension() {
        assertEquals("text/html;charset=utf-8", MediaTypes.of("index.html"));
        assertEquals("text/javascript;charset=utf-8", MediaTypes.of("assets/index-abc.js"));
        assertEquals("text/css;charset=utf-8", MediaTypes.of("assets/index-abc.CSS"));
        assertEquals("image/svg+xml", MediaTypes.of("favicon.svg"));
        assertEquals("font/woff2", MediaTypes.of("assets/RedHatTextVF-DNKNjMr3.woff2"));
        assertEquals("application/octet-stream", MediaTypes.of("assets/unknown.xyz"));
        assertEquals("application/octet-stream", MediaTypes.of("LICENSE"));
    }

    @Test
    void onlyTextFormatsAreCompressed() {
        assertTrue(MediaTypes.isCompressible("assets/index-abc.js"));
        assertTrue(MediaTypes.isCompressible("favicon.svg"));
        assertFalse(MediaTypes.isCompressible("assets/RedHatTextVF.woff2"));
        assertFalse(MediaTypes.isCompressible("logo.png"));
    }
}
