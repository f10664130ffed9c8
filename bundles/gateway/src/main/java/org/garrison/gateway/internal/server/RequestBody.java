package org.garrison.gateway.internal.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

import org.garrison.gateway.internal.GatewayRefusal;

/**
 * Reads a request body of bounded size, inflating {@code Content-Encoding: gzip}. The limit applies to the bytes on
 * the wire and again to the inflated bytes, so a small compressed body that inflates to gigabytes (a gzip bomb) is
 * refused with 413 after reading just over the limit, never held in memory.
 */
final class RequestBody {

    private RequestBody() {
    }

    /**
     * @param declaredLength the Content-Length, or -1 when not declared
     * @param encoding       the Content-Encoding, or {@code null}
     * @throws GatewayRefusal {@code 413 too-large}, {@code 415 unsupported-media-type} for another encoding, or
     *         {@code 400 malformed} for a broken gzip stream
     */
    static byte[] read(InputStream wire, long declaredLength, String encoding, int limit) {
        refuseDeclaredOverLimit(declaredLength, limit);
        String coding = encoding == null ? "identity" : encoding.trim().toLowerCase(Locale.ROOT);
        try {
            return switch (coding) {
                case "", "identity" -> readAtMost(wire, limit);
                case "gzip", "x-gzip" -> readAtMost(new GZIPInputStream(new Limited(wire, limit)), limit);
                default -> throw new GatewayRefusal(415, "unsupported-media-type",
                        "Content-Encoding " + encoding + " is not supported; use gzip or none");
            };
        } catch (IOException e) {
            throw new GatewayRefusal(400, "malformed", "The request body could not be read"
                    + (coding.contains("gzip") ? " as gzip" : "") + ": " + e.getClass().getSimpleName());
        }
    }

    /**
     * @param declaredLength the Content-Length, or -1 when not declared
     * @throws GatewayRefusal {@code 413 too-large} if the declared length is over the limit
     */
    static void refuseDeclaredOverLimit(long declaredLength, int limit) {
        if (declaredLength > limit) {
            throw tooLarge(limit);
        }
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, 64 * 1024));
        byte[] buffer = new byte[16 * 1024];
        int total = 0;
        int read;
        while ((read = in.read(buffer)) != -1) {
            total += read;
            if (total > limit) {
                throw tooLarge(limit);
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    private static GatewayRefusal tooLarge(int limit) {
        return new GatewayRefusal(413, "too-large", "The request body is larger than " + limit + " bytes");
    }

    /** The wire side of a compressed body: refuses more than the limit, before inflation. */
    private static final class Limited extends InputStream {

        private final InputStream in;
        private final int limit;
        private long total;

        Limited(InputStream in, int limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0 && ++total > limit) {
                throw tooLarge(limit);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = in.read(buffer, offset, length);
            if (read > 0 && (total += read) > limit) {
                throw tooLarge(limit);
            }
            return read;
        }
    }
}
