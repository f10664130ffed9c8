package org.garrison.gateway.internal;

import java.security.KeyStore;
import java.security.cert.X509Certificate;

/**
 * The TLS material of the gateway port: the gateway's own certificate (issued by the server's certificate authority,
 * with {@code serverAuth}) and the authority that agents' client certificates must chain to.
 */
public interface GatewayCredentials {

    /** The alias of the gateway's key entry in {@link #serverKeyStore()}. */
    String SERVER_KEY_ALIAS = "gateway";

    /** A PKCS #12 key store holding the gateway's private key and certificate chain under {@link #SERVER_KEY_ALIAS}. */
    KeyStore serverKeyStore();

    /** The password of the key entry and of the store. */
    char[] serverKeyPassword();

    /** The server's certificate authority: the only trust anchor for client certificates. */
    X509Certificate caCertificate();
}
