package org.garrison.accounts.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Second-factor recovery codes: ten random codes like {@code k7q2m-x9c4p} (50 bits each), shown once and stored only
 * as SHA-256 hashes. Their entropy makes a slow hash unnecessary.
 */
final class RecoveryCodes {

    static final int COUNT = 10;
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final int GROUP = 5;

    private RecoveryCodes() {
    }

    static List<String> generate(SecureRandom random) {
        List<String> codes = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < 2 * GROUP; c++) {
                if (c == GROUP) {
                    code.append('-');
                }
                code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            codes.add(code.toString());
        }
        return codes;
    }

    /** Whether the text has the shape of a recovery code (dash and case are forgiven). */
    static boolean looksLikeOne(String text) {
        return text != null && normalise(text).matches("[" + ALPHABET + "]{" + 2 * GROUP + "}");
    }

    static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(normalise(code).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static String normalise(String code) {
        return code.trim().toLowerCase(Locale.ROOT).replace("-", "").replace(" ", "");
    }
}
