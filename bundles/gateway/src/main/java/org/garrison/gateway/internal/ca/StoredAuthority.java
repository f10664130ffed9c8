package org.garrison.gateway.internal.ca;

import java.time.Instant;

/**
 * The row of GATEWAY_CA: the authority's certificate and its private key, encrypted with the data key.
 */
record StoredAuthority(String certificatePem, String privateKeyEncrypted, Instant createdAt) {

    @Override
    public String toString() {
        return "StoredAuthority[createdAt=" + createdAt + "]";
    }
}
