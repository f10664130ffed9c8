package org.garrison.agent.identity;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts the gateway through a {@link ServerChainVerifier} and nothing else. Extending
 * {@link X509ExtendedTrustManager} keeps the JDK from adding its own host name check (the protocol makes none), and
 * the last refusal is kept so that a failed handshake can be explained to the admin.
 */
public final class GatewayTrustManager extends X509ExtendedTrustManager {

    private final ServerChainVerifier verifier;
    private volatile CertificateException lastRefusal;

    public GatewayTrustManager(ServerChainVerifier verifier) {
        this.verifier = verifier;
    }

    /** Why the last presented chain was refused, if it was. */
    public Optional<CertificateException> lastRefusal() {
        return Optional.ofNullable(lastRefusal);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        try {
            verifier.verify(chain);
            lastRefusal = null;
        } catch (CertificateException e) {
            lastRefusal = e;
            throw e;
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("The agent accepts no TLS clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
