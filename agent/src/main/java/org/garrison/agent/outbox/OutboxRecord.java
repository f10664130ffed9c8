package org.garrison.agent.outbox;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

import org.garrison.api.agent.SyncItemKind;

/**
 * The on-disk form of one outbox item: {@code [length:int][crc32:int][seq:long][kind:byte][json]}, where
 * {@code length} counts the bytes after the CRC and the CRC covers them. A record that is cut short or whose CRC does
 * not match is the torn tail of a write interrupted by a crash.
 */
final class OutboxRecord {

    static final int HEADER_BYTES = 8;
    static final int BODY_PREFIX_BYTES = 9;

    private static final SyncItemKind[] KINDS = SyncItemKind.values();

    private OutboxRecord() {
    }

    static int size(byte[] json) {
        return HEADER_BYTES + BODY_PREFIX_BYTES + json.length;
    }

    static void encode(ByteBuffer target, long seq, SyncItemKind kind, byte[] json) {
        int bodyLength = BODY_PREFIX_BYTES + json.length;
        int bodyStart = target.position() + HEADER_BYTES;
        target.putInt(bodyLength);
        target.putInt(0);
        target.putLong(seq);
        target.put((byte) kind.ordinal());
        target.put(json);
        CRC32 crc = new CRC32();
        crc.update(target.array(), target.arrayOffset() + bodyStart, bodyLength);
        target.putInt(bodyStart - 4, (int) crc.getValue());
    }

    /**
     * Checks a body against its CRC.
     *
     * @return whether it is intact
     */
    static boolean intact(byte[] body, int expectedCrc) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return (int) crc.getValue() == expectedCrc;
    }

    static long seq(byte[] body) {
        return ByteBuffer.wrap(body).getLong(0);
    }

    /** The kind byte of a body, or {@code null} if it names no kind (a corrupt record). */
    static SyncItemKind kind(byte[] body) {
        int ordinal = body[8];
        return ordinal >= 0 && ordinal < KINDS.length ? KINDS[ordinal] : null;
    }

    static byte[] json(byte[] body) {
        byte[] json = new byte[body.length - BODY_PREFIX_BYTES];
        System.arraycopy(body, BODY_PREFIX_BYTES, json, 0, json.length);
        return json;
    }
}
