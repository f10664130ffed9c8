package org.garrison.gateway.internal.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import org.garrison.gateway.internal.GatewayRefusal;
import org.junit.jupiter.api.Test;

class RequestBodyTest {

    static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(plain);
        }
        return out.toByteArray();
    }

    /** A gzip stream of {@code size} zero bytes, a few kilobytes on the wire. */
    static byte[] bomb(int size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            byte[] zeros = new byte[1 << 16];
            for (int written = 0; written < size; written += zeros.length) {
                zip.write(zeros);
            }
        }
        return out.toByteArray();
    }

    @Test
    void aPlainBodyWithinTheLimitIsReadWhole() {
        byte[] body = "{\"items\":[]}".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(body, RequestBody.read(new ByteArrayInputStream(body), body.length, null, 100));
    }

    @Test
    void aGzipBodyIsInflated() throws IOException {
        byte[] body = "{\"items\":[]}".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(body, RequestBody.read(new ByteArrayInputStream(gzip(body)), -1, "gzip", 100));
    }

    @Test
    void aDeclaredLengthAboveTheLimitIsRefusedWithoutReading() {
        InputStream never = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("the body must not be read");
            }
        };
        GatewayRefusal refusal = assertThrows(GatewayRefusal.class, () -> RequestBody.read(never, 101, null, 100));
        assertEquals(413, refusal.status());
        assertEquals("too-large", refusal.code());
    }

    @Test
    void anUndeclaredBodyAboveTheLimitIsRefused() {
        GatewayRefusal refusal = assertThrows(GatewayRefusal.class,
                () -> RequestBody.read(new ByteArrayInputStream(new byte[101]), -1, "identity", 100));
        assertEquals(413, refusal.status());
    }

    @Test
    void aGzipBombIsRefusedAfterReadingJustOverTheLimit() throws IOException {
        byte[] bomb = bomb(64 * 1024 * 1024);
        assertEquals(true, bomb.length < 1024 * 1024, "the bomb itself is small");
        GatewayRefusal refusal = assertThrows(GatewayRefusal.class,
                () -> RequestBody.read(new ByteArrayInputStream(bomb), bomb.length, "gzip", 8 * 1024 * 1024));
        assertEquals(413, refusal.status());
    }

    @Test
    void aBrokenGzipStreamIsMalformed() {
        GatewayRefusal refusal = assertThrows(GatewayRefusal.class,
                () -> RequestBody.read(new ByteArrayInputStream(new byte[] {1, 2, 3}), 3, "gzip", 100));
        assertEquals(400, refusal.status());
        assertEquals("malformed", refusal.code());
    }

    @Test
    void anotherEncodingIsUnsupported() {
        GatewayRefusal refusal = assertThrows(GatewayRefusal.class,
                () -> RequestBody.read(new ByteArrayInputStream(new byte[3]), 3, "br", 100));
        assertEquals(415, refusal.status());
    }
}
