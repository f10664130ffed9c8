package org.garrison.accounts.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class TotpTest {

    /** The SHA-1 seed of RFC 6238, appendix B. */
    private static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void matchesTheRfc6238TestVectors() {
        long[][] vectors = {{59L, 94287082}, {1111111109L, 7081804}, {1111111111L, 14050471},
            {1234567890L, 89005924}, {2000000000L, 69279037}, {20000000000L, 65353130}};
        for (long[] vector : vectors) {
            String expected = String.format("%08d", vector[1]);
            assertEquals(expected, Totp.code(RFC_SEED, Totp.step(Instant.ofEpochSecond(vector[0])), 8),
                    "at " + vector[0]);
            assertEquals(expected.substring(2), Totp.code(RFC_SEED, Totp.step(Instant.ofEpochSecond(vector[0])), 6));
        }
    }

    @Test
    void base32RoundTripsAndMatchesRfc4648() {
        assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", Totp.base32(RFC_SEED));
        assertArrayEquals(RFC_SEED, Totp.base32Decode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq"));
        assertEquals("MZXW6YTBOI", Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII)));
        String secret = Totp.newSecret(new SecureRandom());
        assertEquals(32, secret.length());
        assertEquals(20, Totp.base32Decode(secret).length);
    }

    @Test
    void acceptsOneStepOfDriftEitherWayAndNoMore() {
        String secret = Totp.base32(RFC_SEED);
        Instant now = Instant.ofEpochSecond(1111111111L);
        long step = Totp.step(now);
        for (long offset = -2; offset <= 2; offset++) {
            String code = Totp.code(RFC_SEED, step + offset, 6);
            OptionalLong matched = Totp.match(secret, code, now, Long.MIN_VALUE);
            assertEquals(Math.abs(offset) <= 1, matched.isPresent(), "offset " + offset);
        }
    }

    @Test
    void aCodeWorksOnlyOnce() {
        String secret = Totp.base32(RFC_SEED);
        Instant now = Instant.ofEpochSecond(1111111111L);
        String code = Totp.code(RFC_SEED, Totp.step(now), 6);
        OptionalLong used = Totp.match(secret, code, now, Long.MIN_VALUE);
        assertTrue(used.isPresent());
        assertTrue(Totp.match(secret, code, now, used.getAsLong()).isEmpty());
        assertTrue(Totp.match(secret, Totp.code(RFC_SEED, Totp.step(now) + 1, 6), now, used.getAsLong())
                .isPresent());
    }

    @Test
    void refusesCodesOfTheWrongShape() {
        String secret = Totp.base32(RFC_SEED);
        Instant now = Instant.ofEpochSecond(59);
        assertTrue(Totp.match(secret, null, now, Long.MIN_VALUE).isEmpty());
        assertTrue(Totp.match(secret, "94287082", now, Long.MIN_VALUE).isEmpty());
        assertTrue(Totp.match(secret, "28708a", now, Long.MIN_VALUE).isEmpty());
    }

    @Test
    void theOtpauthUriNamesIssuerAndAccount() {
        assertEquals("otpauth://totp/Garrison%3Ajane%20doe?secret=ABC&issuer=Garrison&algorithm=SHA1&digits=6"
                + "&period=30", Totp.otpauthUri("jane doe", "ABC"));
    }
}
