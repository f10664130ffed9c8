package org.garrison.accounts.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.garrison.api.security.EncryptedDataOwner;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rotates the data key: adds a new key, makes it current and asks every area that stores encrypted values to
 * re-encrypt what is still under an earlier key. Earlier keys stay in the keystore, so values another node or a
 * late writer stored under them remain readable.
 */
@Component(service = DataKeyRotation.class)
public class DataKeyRotation {

    private static final Logger LOG = LoggerFactory.getLogger(DataKeyRotation.class);

    /** What one owner did. {@code error} is null when it succeeded. */
    public record OwnerResult(String owner, int reencrypted, String error) {
    }

    /** The outcome of a rotation. */
    public record Report(int newKey, List<OwnerResult> owners) {

        public boolean complete() {
            return owners.stream().allMatch(o -> o.error() == null);
        }
    }

    private final DataCipher cipher;
    private final List<EncryptedDataOwner> owners = new CopyOnWriteArrayList<>();

    @Activate
    public DataKeyRotation(@Reference DataCipher cipher) {
        this.cipher = cipher;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addOwner(EncryptedDataOwner owner) {
        owners.add(owner);
    }

    void removeOwner(EncryptedDataOwner owner) {
        owners.remove(owner);
    }

    /** Adds a new key and re-encrypts every owner's stale values; an owner that fails does not stop the others. */
    public synchronized Report rotate() {
        int newKey = cipher.rotate();
        LOG.info("Data key {} is now current; re-encrypting stored personal data", newKey);
        List<OwnerResult> results = new ArrayList<>();
        List<EncryptedDataOwner> current = new ArrayList<>(owners);
        current.sort(Comparator.comparing(EncryptedDataOwner::name));
        for (EncryptedDataOwner owner : current) {
            try {
                int count = owner.reencrypt(cipher);
                results.add(new OwnerResult(owner.name(), count, null));
                LOG.info("Data key rotation: {} re-encrypted {} value(s)", owner.name(), count);
            } catch (RuntimeException e) {
                results.add(new OwnerResult(owner.name(), 0, e.getMessage() == null ? e.toString() : e.getMessage()));
                LOG.error("Data key rotation: {} failed to re-encrypt its values; run the rotation again",
                        owner.name(), e);
            }
        }
        return new Report(newKey, results);
    }
}
