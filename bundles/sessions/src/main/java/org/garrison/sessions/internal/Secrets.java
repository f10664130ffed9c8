package org.garrison.sessions.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random secrets (session ids, CSRF tokens, API tokens) and the hashes they are stored as. The secrets carry 256
 * random bits, so a plain SHA-256 is enough: there is nothing to guess that a slow hash would protect.
 */
final class Secrets {

    /** The prefix that makes API tokens recognisable, e.g. to secret scanners. */
    static final String TOKEN_PREFIX = "gar_";
    /** Length of an API token: the prefix and 32 bytes in unpadded base64url. */
    static final int TOKEN_LENGTH = TOKEN_PREFIX.length() + 43;
    /** How much of a token is kept in clear, so its owner can tell their tokens apart. */
    static final int VISIBLE_PREFIX_LENGTH = TOKEN_PREFIX.length() + 6;

    private final SecureRandom random = new SecureRandom();

    /** 32 random bytes, base64url without padding (43 characters). */
    String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    String newToken() {
        return TOKEN_PREFIX + newSecret();
    }

    /** Whether a string can be an API token at all (checked before touching the database). */
    static boolean looksLikeToken(String value) {
        return value != null && value.length() == TOKEN_LENGTH && value.startsWith(TOKEN_PREFIX)
                && isBase64Url(value.substring(TOKEN_PREFIX.length()));
    }

    /** Whether a string can be a session id at all. */
    static boolean looksLikeSessionId(String value) {
        return value != null && value.length() == 43 && isBase64Url(value);
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

    /** SHA-256 of the text, lower-case hex (64 characters). */
    static String hash(String secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
