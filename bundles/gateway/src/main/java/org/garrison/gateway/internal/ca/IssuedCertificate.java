package org.garrison.gateway.internal.ca;

import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * A certificate the authority just signed.
 *
 * @param certificate the certificate
 * @param serial      its serial number, lower-case hex, as GATEWAY_CERTIFICATE keys it
 * @param issuedAt    when it was signed
 * @param expiresAt   its end of validity
 */
public record IssuedCertificate(X509Certificate certificate, String serial, Instant issuedAt, Instant expiresAt) {

    public String pem() {
        return Pem.of(certificate);
    }
}
