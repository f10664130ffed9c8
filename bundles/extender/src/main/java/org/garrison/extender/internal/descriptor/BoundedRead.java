package org.garrison.extender.internal.descriptor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a plugin file whole, up to a limit, so a crafted entry (a ZIP bomb) cannot exhaust the memory.
 */
final class BoundedRead {

    /** The largest single file read from a plugin JAR: descriptors, schemas, changelogs, console modules. */
    static final int MAX_FILE_BYTES = 16 * 1024 * 1024;

    private BoundedRead() {
    }

    /**
     * @throws IOException when the content is longer than {@link #MAX_FILE_BYTES}
     */
    static byte[] readAll(InputStream in, String path) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > MAX_FILE_BYTES) {
                throw new IOException(path + " is larger than " + MAX_FILE_BYTES + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
