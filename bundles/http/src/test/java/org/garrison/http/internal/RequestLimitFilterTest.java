package org.garrison.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import javax.ws.rs.WebApplicationException;

import org.junit.jupiter.api.Test;

class RequestLimitFilterTest {

    @Test
    void aStreamUpToTheLimitIsReadWhole() throws IOException {
        InputStream in = new RequestLimitFilter.BoundedInputStream(new ByteArrayInputStream(new byte[100]), 100);
        assertEquals(100, in.readAllBytes().length);
    }

    @Test
    void oneByteOverTheLimitFailsWith413() {
        InputStream in = new RequestLimitFilter.BoundedInputStream(new ByteArrayInputStream(new byte[101]), 100);
        WebApplicationException e = assertThrows(WebApplicationException.class, in::readAllBytes);
        assertEquals(413, e.getResponse().getStatus());
    }

    @Test
    void singleByteReadsAreCountedToo() throws IOException {
        InputStream in = new RequestLimitFilter.BoundedInputStream(new ByteArrayInputStream(new byte[3]), 2);
        in.read();
        in.read();
        assertThrows(WebApplicationException.class, in::read);
    }

    @Test
    void aPluginUploadMayCarryAJarAsLargeAsTheRegistryAccepts() {
        long limit = RequestLimitFilter.limitFor("POST", "plugins", 10_000);
        assertTrue(limit > org.garrison.api.plugin.PluginRegistry.MAX_JAR_BYTES, String.valueOf(limit));
        assertEquals(10_000, RequestLimitFilter.limitFor("POST", "plugins/acme/threats", 10_000));
        assertEquals(10_000, RequestLimitFilter.limitFor("PUT", "plugins", 10_000));
        assertEquals(10_000, RequestLimitFilter.limitFor("POST", "events", 10_000));
    }
}
