package org.garrison.gateway.internal.enrollment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The text of an enrollment token, {@code ge1.<secret>.<ca-pin>} (docs/agent-protocol.md): a 32-byte random secret
 * and the pin of the authority the agent is to trust, both base64url without padding. Only the SHA-256 of the secret
 * is stored; the secret carries 256 random bits, so a slow hash would protect nothing more.
 *
 * @param secret the secret part
 * @param pin    the authority's pin
 */
public record TokenText(String secret, String pin) {

    static final String PREFIX = "ge1.";
    /** 32 bytes, and a SHA-256 digest, in base64url without padding. */
    private static final int PART_LENGTH = 43;
    static final int LENGTH = PREFIX.length() + PART_LENGTH + 1 + PART_LENGTH;

    /** A new token for the authority with this pin. */
    static TokenText create(SecureRandom random, String pin) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return new TokenText(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), pin);
    }

    /** The token as it is shown once to the admin and typed into the agent. */
    public String text() {
        return PREFIX + secret + "." + pin;
    }

    /** What is stored and looked up: SHA-256 of the secret, lower-case hex. */
    public String secretHash() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The token in a text, if the text has a token's shape (checked before touching the database). */
    public static Optional<TokenText> parse(String text) {
        if (text == null || text.length() != LENGTH || !text.startsWith(PREFIX)
                || text.charAt(PREFIX.length() + PART_LENGTH) != '.') {
            return Optional.empty();
        }
        String secret = text.substring(PREFIX.length(), PREFIX.length() + PART_LENGTH);
        String pin = text.substring(PREFIX.length() + PART_LENGTH + 1);
        return isBase64Url(secret) && isBase64Url(pin) ? Optional.of(new TokenText(secret, pin)) : Optional.empty();
    }

    private static boolean isBase64Url(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "TokenText[pin=" + pin + "]";
    }
}
