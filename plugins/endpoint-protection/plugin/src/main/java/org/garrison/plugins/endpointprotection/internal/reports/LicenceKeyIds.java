package org.garrison.plugins.endpointprotection.internal.reports;

/**
 * Licence key ids are kept masked: enough to tell keys apart and to find one in the vendor's portal, not enough to
 * use it. Masking is idempotent, so an id the application already masked stays as it is.
 */
public final class LicenceKeyIds {

    /** How many characters of the id stay visible. */
    static final int VISIBLE = 4;

    private LicenceKeyIds() {
    }

    /** {@code ****-7F3A} for any id ending in {@code 7F3A}. */
    public static String masked(String keyId) {
        String id = keyId.strip();
        String visible = id.length() <= VISIBLE ? id : id.substring(id.length() - VISIBLE);
        return "****-" + visible;
    }
}
