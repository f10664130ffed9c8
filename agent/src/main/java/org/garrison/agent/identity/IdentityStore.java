package org.garrison.agent.identity;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.garrison.agent.files.AtomicFiles;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The agent's identity on disk, in its data folder: {@code identity.p12} (the private key with its certificate
 * chain, and the server's CA certificates as trusted entries) protected by a random password in
 * {@code identity.password}, both readable by the agent's user only, and {@code agent.json} ({@link AgentRecord}).
 *
 * <p>A renewal replaces the key store atomically (new file, forced, renamed over the old one); the password stays
 * the same, so the two files can never disagree after a crash.
 */
public final class IdentityStore {

    private static final String KEY_STORE = "identity.p12";
    private static final String PASSWORD = "identity.password";
    private static final String RECORD = "agent.json";
    private static final String KEY_ALIAS = "agent";
    private static final String CA_ALIAS = "server-ca-";

    private final Path folder;
    private final ObjectMapper json;

    public IdentityStore(Path folder, ObjectMapper json) {
        this.folder = folder;
        this.json = json;
    }

    public Path folder() {
        return folder;
    }

    /** Whether an agent has enrolled with this data folder. */
    public boolean enrolled() {
        return Files.exists(folder.resolve(RECORD)) && Files.exists(folder.resolve(KEY_STORE));
    }

    /** The enrolled agent's record, if any. */
    public Optional<AgentRecord> record() throws IOException {
        Path file = folder.resolve(RECORD);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(json.readValue(file.toFile(), AgentRecord.class));
    }

    /**
     * Reads the identity.
     *
     * @throws IOException if it is missing or cannot be read
     */
    public AgentIdentity load() throws IOException {
        AgentRecord record = record().orElseThrow(() -> new IOException("No agent has enrolled with " + folder));
        char[] password = readPassword().orElseThrow(() -> new IOException("The key store password "
                + folder.resolve(PASSWORD) + " is missing"));
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(Files.readAllBytes(folder.resolve(KEY_STORE))), password);
            PrivateKey key = (PrivateKey) store.getKey(KEY_ALIAS, password);
            java.security.cert.Certificate[] chain = store.getCertificateChain(KEY_ALIAS);
            if (key == null || chain == null || chain.length == 0) {
                throw new IOException("The key store " + folder.resolve(KEY_STORE) + " holds no agent key");
            }
            List<X509Certificate> ca = new ArrayList<>();
            for (int i = 0; store.containsAlias(CA_ALIAS + i); i++) {
                ca.add((X509Certificate) store.getCertificate(CA_ALIAS + i));
            }
            return new AgentIdentity(record.agentId(), key, (X509Certificate) chain[0], ca, record.renewAfter());
        } catch (GeneralSecurityException e) {
            throw new IOException("The key store " + folder.resolve(KEY_STORE) + " cannot be read: "
                    + e.getMessage(), e);
        }
    }

    /** Stores a new identity (enrollment or renewal) and its record, replacing what was there. */
    public void save(AgentIdentity identity, AgentRecord record) throws IOException {
        AtomicFiles.createPrivateFolder(folder);
        char[] password = readPassword().orElse(null);
        if (password == null) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(random).toCharArray();
            AtomicFiles.write(folder.resolve(PASSWORD), new String(password).getBytes(StandardCharsets.US_ASCII));
        }
        AtomicFiles.write(folder.resolve(KEY_STORE), keyStore(identity, password));
        AtomicFiles.write(folder.resolve(RECORD), json.writerWithDefaultPrettyPrinter().writeValueAsBytes(record));
    }

    private static byte[] keyStore(AgentIdentity identity, char[] password) throws IOException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(KEY_ALIAS, identity.key(), password, identity.certificateChain());
            for (int i = 0; i < identity.caChain().size(); i++) {
                store.setCertificateEntry(CA_ALIAS + i, identity.caChain().get(i));
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            store.store(bytes, password);
            return bytes.toByteArray();
        } catch (GeneralSecurityException e) {
            throw new IOException("The agent's key store cannot be written: " + e.getMessage(), e);
        }
    }

    private Optional<char[]> readPassword() throws IOException {
        Path file = folder.resolve(PASSWORD);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(Files.readString(file, StandardCharsets.US_ASCII).strip().toCharArray());
    }
}
