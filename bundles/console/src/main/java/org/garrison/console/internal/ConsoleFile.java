package org.garrison.console.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * One file of the built console with everything needed to answer for it: content type, cache policy and the bytes as
 * they are and, for text formats, gzip-compressed, each with its strong ETag derived from the content.
 */
final class ConsoleFile {

    /** The bytes sent for one request and the validator that goes with them. */
    record Representation(byte[] body, String etag, String contentEncoding) {
    }

    private final String contentType;
    private final String cacheControl;
    private final Representation identity;
    private final Representation gzip;

    private ConsoleFile(String contentType, String cacheControl, Representation identity, Representation gzip) {
        this.contentType = contentType;
        this.cacheControl = cacheControl;
        this.identity = identity;
        this.gzip = gzip;
    }

    static ConsoleFile of(String name, byte[] content) {
        String hash = contentHash(content);
        Representation identity = new Representation(content, '"' + hash + '"', null);
        Representation gzip = null;
        if (MediaTypes.isCompressible(name)) {
            byte[] compressed = gzip(content);
            if (compressed.length < content.length) {
                gzip = new Representation(compressed, "\"" + hash + "-gzip\"", "gzip");
            }
        }
        return new ConsoleFile(MediaTypes.of(name), CachePolicy.cacheControlFor(name), identity, gzip);
    }

    String contentType() {
        return contentType;
    }

    String cacheControl() {
        return cacheControl;
    }

    /** Whether the answer depends on {@code Accept-Encoding}, which caches must then be told with {@code Vary}. */
    boolean hasVariants() {
        return gzip != null;
    }

    Representation representationFor(boolean gzipAccepted) {
        return gzipAccepted && gzip != null ? gzip : identity;
    }

    private static String contentHash(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static byte[] gzip(byte[] content) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(content.length / 4 + 64);
        try (GZIPOutputStream out = new BestCompressionGzipOutputStream(buffer)) {
            out.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException("Compressing in memory cannot fail", e);
        }
        return buffer.toByteArray();
    }

    /** Files are compressed once and served many times, so the slowest, smallest setting pays off. */
    private static final class BestCompressionGzipOutputStream extends GZIPOutputStream {
        BestCompressionGzipOutputStream(ByteArrayOutputStream out) throws IOException {
            super(out);
            def.setLevel(Deflater.BEST_COMPRESSION);
        }
    }
}
