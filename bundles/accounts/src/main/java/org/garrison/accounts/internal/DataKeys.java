package org.garrison.accounts.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The data keys in their PKCS12 keystore: AES-256 keys under the aliases {@code data-1}, {@code data-2}, ... (the
 * highest number is current) and the HMAC key for lookups under {@code lookup}. The keystore password is a random
 * string kept in a file of its own. Both files are created when missing, owner-only; neither the keys nor the
 * password are ever logged.
 */
final class DataKeys {

    static final String LOOKUP_ALIAS = "lookup";
    private static final String DATA_PREFIX = "data-";
    private static final Pattern DATA_ALIAS = Pattern.compile("data-([1-9][0-9]{0,8})");
    private static final String TYPE = "PKCS12";

    /** One immutable state of the keystore. */
    record Keys(Map<Integer, SecretKey> data, int current, SecretKey lookup) {

        SecretKey currentKey() {
            return data.get(current);
        }
    }

    private final Path keystore;
    private final Path passwordFile;
    private final SecureRandom random;
    private volatile Keys keys;

    private DataKeys(Path keystore, Path passwordFile, SecureRandom random) {
        this.keystore = keystore;
        this.passwordFile = passwordFile;
        this.random = random;
    }

    /** Opens the keystore, creating it (and its password file) with a first data key and a lookup key if missing. */
    static DataKeys open(Path keystore, Path passwordFile, SecureRandom random) throws IOException,
            GeneralSecurityException {
        DataKeys dataKeys = new DataKeys(keystore, passwordFile, random);
        dataKeys.load();
        return dataKeys;
    }

    Keys keys() {
        return keys;
    }

    Path keystore() {
        return keystore;
    }

    /** Adds a new data key and makes it current. */
    synchronized int addKey() throws IOException, GeneralSecurityException {
        char[] password = readPassword();
        KeyStore store = read(password);
        int next = keys.data().keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        put(store, DATA_PREFIX + next, newAesKey(), password);
        save(store, password);
        load();
        return next;
    }

    private synchronized void load() throws IOException, GeneralSecurityException {
        if (!Files.exists(keystore)) {
            create();
        }
        char[] password = readPassword();
        KeyStore store = read(password);
        Map<Integer, SecretKey> data = new TreeMap<>();
        SecretKey lookup = null;
        for (String alias : Collections.list(store.aliases())) {
            Matcher matcher = DATA_ALIAS.matcher(alias);
            if (matcher.matches()) {
                data.put(Integer.parseInt(matcher.group(1)), aes(store, alias, password));
            } else if (LOOKUP_ALIAS.equals(alias)) {
                lookup = aes(store, alias, password);
            }
        }
        if (data.isEmpty() || lookup == null) {
            throw new GeneralSecurityException("The data keystore " + keystore
                    + " has no data key or no lookup key; restore it from a backup");
        }
        int current = data.keySet().stream().mapToInt(Integer::intValue).max().orElseThrow();
        keys = new Keys(Collections.unmodifiableMap(data), current, lookup);
    }

    private void create() throws IOException, GeneralSecurityException {
        if (!Files.exists(passwordFile)) {
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            OwnerOnlyFiles.write(passwordFile, Base64.getUrlEncoder().withoutPadding().encode(secret));
        }
        char[] password = readPassword();
        KeyStore store = KeyStore.getInstance(TYPE);
        store.load(null, password);
        put(store, DATA_PREFIX + 1, newAesKey(), password);
        put(store, LOOKUP_ALIAS, newAesKey(), password);
        save(store, password);
    }

    private char[] readPassword() throws IOException {
        return new String(Files.readAllBytes(passwordFile), StandardCharsets.US_ASCII).trim().toCharArray();
    }

    private KeyStore read(char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(TYPE);
        store.load(new ByteArrayInputStream(Files.readAllBytes(keystore)), password);
        return store;
    }

    private void save(KeyStore store, char[] password) throws IOException, GeneralSecurityException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        store.store(bytes, password);
        OwnerOnlyFiles.write(keystore, bytes.toByteArray());
    }

    private SecretKey newAesKey() throws GeneralSecurityException {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256, random);
        return generator.generateKey();
    }

    private static void put(KeyStore store, String alias, SecretKey key, char[] password)
            throws GeneralSecurityException {
        store.setEntry(alias, new KeyStore.SecretKeyEntry(key), new KeyStore.PasswordProtection(password));
    }

    private static SecretKey aes(KeyStore store, String alias, char[] password) throws GeneralSecurityException {
        KeyStore.Entry entry = store.getEntry(alias, new KeyStore.PasswordProtection(password));
        if (!(entry instanceof KeyStore.SecretKeyEntry secret)) {
            throw new GeneralSecurityException("The keystore entry " + alias + " is not a secret key");
        }
        return new SecretKeySpec(secret.getSecretKey().getEncoded(), "AES");
    }
}
