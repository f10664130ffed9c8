package org.garrison.policies.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The policies' change tag: the stored generation (counted by every change, on every node sharing the database)
 * and the active settings schemas' plugin versions. Agents' syncs ask for it many times a second, so the generation
 * read from the database is reused for {@value #GENERATION_REUSE_MILLIS} ms: a change reaches the next syncs that
 * much later at most (changes made on this node, at once).
 */
final class ChangeTags {

    static final long GENERATION_REUSE_MILLIS = 1_000;

    private record Read(long generation, long atMillis) {
    }

    private final LongSupplier millis;
    private volatile Read last;

    /** @param millis the current time in milliseconds */
    ChangeTags(LongSupplier millis) {
        this.millis = millis;
    }

    /** Makes the next tag read the generation again (after a change on this node). */
    void forget() {
        last = null;
    }

    /**
     * @param storedGeneration reads the generation from the database
     * @param schemas          {@code id@version} of the applications with an active settings schema, sorted
     */
    String tag(LongSupplier storedGeneration, List<String> schemas) {
        long now = millis.getAsLong();
        Read read = last;
        if (read == null || now - read.atMillis() >= GENERATION_REUSE_MILLIS || now < read.atMillis()) {
            read = new Read(storedGeneration.getAsLong(), now);
            last = read;
        }
        return read.generation() + "." + digest(String.join(",", schemas));
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
