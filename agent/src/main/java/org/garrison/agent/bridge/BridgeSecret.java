package org.garrison.agent.bridge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import org.garrison.agent.files.AtomicFiles;

/**
 * The secret managed applications present to the local bridge. A new one is made at every agent start and written to
 * {@code bridge.secret} in the data folder, readable by the agent's user and group only: an application proves it
 * runs with that group by reading it. {@link #toString()} never shows it.
 */
final class BridgeSecret {

    private final byte[] expectedHeader;

    private BridgeSecret(String secret) {
        this.expectedHeader = ("Bearer " + secret).getBytes(StandardCharsets.US_ASCII);
    }

    /** Makes a new secret and writes it to {@code file}. */
    static BridgeSecret create(Path file) throws IOException {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        AtomicFiles.write(file, secret.getBytes(StandardCharsets.US_ASCII), AtomicFiles.OWNER_AND_GROUP_READ);
        return new BridgeSecret(secret);
    }

    /** Whether an {@code Authorization} header carries the secret (compared in constant time). */
    boolean accepts(String authorization) {
        if (authorization == null) {
            return false;
        }
        return MessageDigest.isEqual(expectedHeader, authorization.strip().getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "BridgeSecret[***]";
    }
}
