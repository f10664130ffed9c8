package org.garrison.accounts.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(PasswordHasher.Parameters.DEFAULT, new SecureRandom());

    @Test
    void hashesAreArgon2idPhcStringsWithTheDefaultParametersAndARandomSalt() {
        String hash = hasher.hash("correct horse battery");
        assertTrue(hash.matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"),
                hash);
        assertNotEquals(hash, hasher.hash("correct horse battery"));
    }

    @Test
    void verifiesTheRightPasswordOnly() {
        String hash = hasher.hash("correct horse battery");
        assertTrue(hasher.verify("correct horse battery", hash));
        assertFalse(hasher.verify("correct horse batterY", hash));
        assertFalse(hasher.verify("correct horse battery", "not a hash"));
        assertFalse(hasher.verify("correct horse battery", null));
    }

    @Test
    void aHashVerifiesUnderTheParametersItCarries() {
        String hash = hasher.hash("pässwörd ✓");
        assertTrue(new PasswordHasher(new PasswordHasher.Parameters(8192, 1, 1), new SecureRandom())
                .verify("pässwörd ✓", hash), "the stored parameters, not the current ones, verify a hash");
    }

    @Test
    void hashesWithOtherParametersStillVerifyButAskForARehash() {
        PasswordHasher cheap = new PasswordHasher(new PasswordHasher.Parameters(8192, 1, 1), new SecureRandom());
        String old = cheap.hash("correct horse battery");
        assertTrue(hasher.verify("correct horse battery", old));
        assertTrue(hasher.needsRehash(old));
        assertFalse(hasher.needsRehash(hasher.hash("correct horse battery")));
    }

    @Test
    void measuresTheCostOfOneHash() {
        hasher.hash("warm-up password");
        int rounds = 5;
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            hasher.hash("correct horse battery");
        }
        double millis = (System.nanoTime() - start) / 1e6 / rounds;
        System.out.printf("Argon2id m=19456 KiB, t=2, p=1: %.1f ms per hash%n", millis);
    }
}
