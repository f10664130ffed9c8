package org.garrison.sessions.internal;

import org.garrison.api.security.PersonalDataCipher;

/** Only the lookup key matters to sign-in: a hash that is not the value itself. */
final class FakeCipher implements PersonalDataCipher {

    @Override
    public String encrypt(String plainText) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String decrypt(String stored) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean isStale(String stored) {
        return false;
    }

    @Override
    public String lookupKey(String value) {
        return Secrets.hash("key:" + value);
    }
}
