package org.garrison.gateway.internal.ca;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;

/**
 * The pin of a certificate authority, as enrollment tokens carry it (docs/agent-protocol.md): base64url without
 * padding of the SHA-256 of the certificate's DER encoding. An agent trusts the gateway on first contact only through
 * it.
 */
public final class CaPin {

    private CaPin() {
    }

    public static String of(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("A certificate this server holds cannot be encoded", e);
        }
    }
}
