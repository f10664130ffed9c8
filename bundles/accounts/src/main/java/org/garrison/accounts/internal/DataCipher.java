package org.garrison.accounts.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.garrison.api.security.PersonalDataCipher;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Encrypts personal data with AES-256-GCM under the current data key: a random 12-byte IV per value, stored as
 * {@code g1:<key number>:<base64url(iv || ciphertext || tag)>}, so a value says which key decrypts it and values
 * written under earlier keys stay readable after a rotation. Lookup keys are HMAC-SHA-256 under a separate key that
 * rotation never changes.
 */
@Component(service = {PersonalDataCipher.class, DataCipher.class}, configurationPid = DataKeysConfig.PID)
@Designate(ocd = DataKeysConfig.class)
public class DataCipher implements PersonalDataCipher {

    private static final String FORMAT = "g1";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final DataKeys keys;
    private final SecureRandom random = new SecureRandom();

    @Activate
    public DataCipher(DataKeysConfig config) throws IOException, GeneralSecurityException {
        this(location(config.keystore(), "garrison-data-keys.p12"),
                location(config.passwordFile(), "garrison-data-keys.password"));
    }

    DataCipher(Path keystore, Path passwordFile) throws IOException, GeneralSecurityException {
        this.keys = DataKeys.open(keystore, passwordFile, random);
    }

    private static Path location(String configured, String fileName) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.trim());
        }
        return Path.of(System.getProperty("karaf.etc", "etc")).resolve(fileName);
    }

    @Override
    public String encrypt(String plainText) {
        if (plainText == null) {
            return null;
        }
        DataKeys.Keys current = keys.keys();
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, current.currentKey(), new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plainText.getBytes(StandardCharsets.UTF_8));
            byte[] stored = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return FORMAT + ":" + current.current() + ":" + ENCODER.encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Personal data could not be encrypted", e);
        }
    }

    @Override
    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        int number = keyNumber(stored);
        SecretKey key = keys.keys().data().get(number);
        if (key == null) {
            throw new IllegalStateException("A stored value needs data key " + number
                    + ", which is not in the keystore " + keys.keystore());
        }
        byte[] bytes;
        try {
            bytes = DECODER.decode(stored.substring(stored.indexOf(':', FORMAT.length() + 1) + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("A stored encrypted value is damaged");
        }
        if (bytes.length < IV_BYTES + TAG_BITS / 8) {
            throw new IllegalStateException("A stored encrypted value is damaged");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored encrypted value is damaged or was not written with this "
                    + "server's keys");
        }
    }

    @Override
    public boolean isStale(String stored) {
        return stored != null && keyNumber(stored) != keys.keys().current();
    }

    @Override
    public String lookupKey(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keys.keys().lookup().getEncoded(), "HmacSHA256"));
            return ENCODER.encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The lookup key could not be computed", e);
        }
    }

    /** Adds a new data key to the keystore and makes it current; earlier keys stay for what they encrypted. */
    int rotate() {
        try {
            return keys.addKey();
        } catch (IOException e) {
            throw new UncheckedIOException("The data keystore could not be written", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The data keystore could not be updated: " + e.getMessage(), e);
        }
    }

    /** The number of the key new values are encrypted under. */
    int currentKey() {
        return keys.keys().current();
    }

    private static int keyNumber(String stored) {
        int first = stored.indexOf(':');
        int second = first < 0 ? -1 : stored.indexOf(':', first + 1);
        if (first < 0 || second < 0 || !FORMAT.equals(stored.substring(0, first))) {
            throw new IllegalStateException("A stored value is not in the encrypted format");
        }
        try {
            return Integer.parseInt(stored.substring(first + 1, second));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("A stored value is not in the encrypted format");
        }
    }
}
