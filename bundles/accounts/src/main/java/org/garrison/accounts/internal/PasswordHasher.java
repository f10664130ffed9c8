package org.garrison.accounts.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes (Bouncy Castle) in the PHC string format
 * {@code $argon2id$v=19$m=<KiB>,t=<iterations>,p=<lanes>$<salt>$<hash>} (unpadded standard Base64), with a 16-byte
 * random salt and a 32-byte hash. Hashes carry their parameters, so changed parameters apply to new hashes while old
 * ones still verify; {@link #needsRehash(String)} says when to replace one.
 */
final class PasswordHasher {

    /** Argon2id parameters. */
    record Parameters(int memoryKib, int iterations, int parallelism) {

        static final Parameters DEFAULT = new Parameters(19456, 2, 1);
    }

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,64})\\$([A-Za-z0-9+/]{22,128})");
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    private final Parameters parameters;
    private final SecureRandom random;
    private final String dummy;

    PasswordHasher(Parameters parameters, SecureRandom random) {
        this.parameters = parameters;
        this.random = random;
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        this.dummy = hash(ENCODER.encodeToString(secret));
    }

    String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = argon2(password, salt, parameters, HASH_BYTES);
        return "$argon2id$v=19$m=" + parameters.memoryKib() + ",t=" + parameters.iterations() + ",p="
                + parameters.parallelism() + "$" + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
    }

    /** Whether the password matches the stored hash; false for anything that is not a hash this class wrote. */
    boolean verify(String password, String stored) {
        Matcher phc = stored == null ? null : PHC.matcher(stored);
        if (phc == null || !phc.matches()) {
            return false;
        }
        Parameters used = new Parameters(Integer.parseInt(phc.group(1)), Integer.parseInt(phc.group(2)),
                Integer.parseInt(phc.group(3)));
        byte[] salt;
        byte[] expected;
        try {
            salt = DECODER.decode(phc.group(4));
            expected = DECODER.decode(phc.group(5));
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (used.memoryKib() < 8 * used.parallelism() || used.iterations() < 1 || used.parallelism() < 1) {
            return false;
        }
        byte[] actual = argon2(password, salt, used, expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** Spends the time of one verification on nothing, so an unknown login answers as slowly as a known one. */
    void verifyDummy(String password) {
        verify(password == null ? "" : password, dummy);
    }

    /** Whether the stored hash was made with other parameters than the current ones. */
    boolean needsRehash(String stored) {
        Matcher phc = PHC.matcher(stored);
        return !phc.matches() || Integer.parseInt(phc.group(1)) != parameters.memoryKib()
                || Integer.parseInt(phc.group(2)) != parameters.iterations()
                || Integer.parseInt(phc.group(3)) != parameters.parallelism();
    }

    private static byte[] argon2(String password, byte[] salt, Parameters parameters, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withMemoryAsKB(parameters.memoryKib())
                .withIterations(parameters.iterations())
                .withParallelism(parameters.parallelism())
                .build());
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
