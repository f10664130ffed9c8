package org.garrison.agent.identity;

import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The enrollment token an admin hands out, {@code ge1.<secret>.<ca-pin>}: the secret proves the agent may enroll,
 * the pin (SHA-256 of the server CA certificate's DER, base64url) lets the agent trust the gateway on first contact.
 * {@link #toString()} never shows the secret.
 */
public final class EnrollmentToken {

    private static final String PREFIX = "ge1";
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final String text;
    private final String pin;

    private EnrollmentToken(String text, String pin) {
        this.text = text;
        this.pin = pin;
    }

    /**
     * Parses a token as shown to the admin (surrounding white space is ignored).
     *
     * @throws IllegalArgumentException if it is not a token of this kind; the message never repeats the secret
     */
    public static EnrollmentToken parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("No enrollment token given");
        }
        String trimmed = text.strip();
        String[] parts = trimmed.split("\\.", -1);
        if (parts.length != 3 || !PREFIX.equals(parts[0])) {
            throw new IllegalArgumentException(
                    "The enrollment token is malformed: expected ge1.<secret>.<ca-pin>, three parts separated by dots");
        }
        if (!PART.matcher(parts[1]).matches()) {
            throw new IllegalArgumentException(
                    "The enrollment token's secret is malformed: expected 43 base64url characters");
        }
        if (!PART.matcher(parts[2]).matches() || Base64.getUrlDecoder().decode(parts[2]).length != 32) {
            throw new IllegalArgumentException(
                    "The enrollment token's CA pin is malformed: expected 43 base64url characters (a SHA-256)");
        }
        return new EnrollmentToken(trimmed, parts[2]);
    }

    /** The token as the server expects it in the enrollment request. */
    public String text() {
        return text;
    }

    /** The SHA-256 of the server CA certificate's DER encoding, base64url without padding. */
    public String caPin() {
        return pin;
    }

    @Override
    public String toString() {
        return "ge1.***." + pin;
    }
}
