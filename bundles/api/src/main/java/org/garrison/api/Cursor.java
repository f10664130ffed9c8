package org.garrison.api;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.garrison.api.error.ValidationException;

/**
 * A keyset position in a sorted listing: the sort-key values of the last item returned. Callers see it only as an
 * opaque URL-safe string; repositories continue "after" these values, so paging stays fast and stable while rows are
 * added or removed.
 *
 * @param keys the sort-key values of the last item of the previous page, most significant first
 */
public record Cursor(List<String> keys) {

    private static final int FORMAT = 1;
    private static final int MAX_ENCODED_LENGTH = 4096;

    public Cursor {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a cursor needs at least one key");
        }
        keys = List.copyOf(keys);
    }

    /** A cursor over the given key values. */
    public static Cursor after(String... keys) {
        return new Cursor(List.of(keys));
    }

    /** The opaque form handed to callers. */
    public String encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeShort(keys.size());
            for (String key : keys) {
                out.writeUTF(key);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
    }

    /**
     * Reads a cursor a caller sent back.
     *
     * @throws ValidationException if the text is not a cursor this server issued
     */
    public static Cursor decode(String encoded) {
        if (encoded.length() > MAX_ENCODED_LENGTH) {
            throw invalid();
        }
        try (DataInputStream in = new DataInputStream(
                new java.io.ByteArrayInputStream(Base64.getUrlDecoder().decode(encoded)))) {
            if (in.readByte() != FORMAT) {
                throw invalid();
            }
            int count = in.readUnsignedShort();
            if (count == 0) {
                throw invalid();
            }
            List<String> keys = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                keys.add(in.readUTF());
            }
            if (in.read() != -1) {
                throw invalid();
            }
            return new Cursor(keys);
        } catch (IOException | IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static ValidationException invalid() {
        return new ValidationException("cursor", "is not a cursor this server issued; start again without one");
    }
}
