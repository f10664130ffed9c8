package org.garrison.accounts.internal;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Random passwords the server hands out once (first start, shell resets): 24 characters from an alphabet without
 * look-alikes (about 140 bits).
 */
public final class GeneratedPassword {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int LENGTH = 24;

    private GeneratedPassword() {
    }

    /** A random password the policy accepts for the login. */
    public static String create(SecureRandom random, String login) {
        String forbidden = login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
        while (true) {
            StringBuilder password = new StringBuilder(LENGTH);
            for (int i = 0; i < LENGTH; i++) {
                password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            if (forbidden.isEmpty() || !password.toString().toLowerCase(Locale.ROOT).contains(forbidden)) {
                return password.toString();
            }
        }
    }
}
