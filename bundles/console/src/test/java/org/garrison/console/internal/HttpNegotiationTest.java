package org.garrison.console.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HttpNegotiationTest {

    @Test
    void gzipIsAcceptedWhenListedWithoutZeroQuality() {
        assertTrue(HttpNegotiation.acceptsGzip("gzip, deflate, br, zstd"));
        assertTrue(HttpNegotiation.acceptsGzip("br;q=1.0, GZIP;q=0.5"));
        assertFalse(HttpNegotiation.acceptsGzip("gzip;q=0"));
        assertFalse(HttpNegotiation.acceptsGzip("gzip; q=0.000"));
        assertFalse(HttpNegotiation.acceptsGzip("br, identity"));
        assertFalse(HttpNegotiation.acceptsGzip("gzip;q=nonsense"));
        assertFalse(HttpNegotiation.acceptsGzip(null));
    }

    @Test
    void ifNoneMatchComparesWeakly() {
        String etag = "\"abc\"";
        assertTrue(HttpNegotiation.noneMatchHits("\"abc\"", etag));
        assertTrue(HttpNegotiation.noneMatchHits("W/\"abc\"", etag));
        assertTrue(HttpNegotiation.noneMatchHits("\"x\", \"abc\"", etag));
        assertTrue(HttpNegotiation.noneMatchHits("*", etag));
        assertFalse(HttpNegotiation.noneMatchHits("\"abcd\"", etag));
        assertFalse(HttpNegotiation.noneMatchHits("abc", etag));
        assertFalse(HttpNegotiation.noneMatchHits(null, etag));
    }
}
