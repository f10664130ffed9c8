package org.garrison.api.security;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Encrypts personal data at rest (AES-GCM with the server's data key, kept in a keystore under {@code etc/}). Areas
 * that store personal data (account names, e-mail addresses, phone numbers, second-factor secrets) store only what
 * {@link #encrypt(String)} returns, and look values up through {@link #lookupKey(String)}.
 */
@ProviderType
public interface PersonalDataCipher {

    /** The text, encrypted with the current key, in a self-describing printable form; {@code null} stays null. */
    String encrypt(String plainText);

    /**
     * The plain text of something {@link #encrypt(String)} returned, under the current or an earlier key.
     *
     * @throws IllegalStateException if the value is damaged or its key is gone
     */
    String decrypt(String stored);

    /** Whether the value was encrypted under an earlier key and should be re-encrypted. */
    boolean isStale(String stored);

    /**
     * A keyed hash (HMAC-SHA-256) of a value for equality lookups (e.g. of a login, normalised to lower case by the
     * caller), stable across data-key rotations.
     */
    String lookupKey(String value);
}
