package org.garrison.api.security;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An area that stores values encrypted with {@link PersonalDataCipher}. When the admin rotates the data key, the
 * server asks every owner to re-encrypt its stale values before it retires the old key.
 */
@ConsumerType
public interface EncryptedDataOwner {

    /** A short name for the rotation report, e.g. {@code accounts}. */
    String name();

    /**
     * Re-encrypts every stored value for which {@link PersonalDataCipher#isStale(String)} holds.
     *
     * @return how many values were re-encrypted
     */
    int reencrypt(PersonalDataCipher cipher);
}
