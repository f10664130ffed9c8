package org.garrison.agent.identity;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Who the agent is to the gateway: its private key, the client certificate the server issued for it and the server's
 * CA chain it trusts. {@link #toString()} leaves the key out.
 *
 * @param agentId     the agent's id (its certificate's common name)
 * @param key         the private key
 * @param certificate the client certificate
 * @param caChain     the server's CA chain, the root last
 * @param renewAfter  when to ask for a new certificate
 */
public record AgentIdentity(UUID agentId, PrivateKey key, X509Certificate certificate,
        List<X509Certificate> caChain, Instant renewAfter) {

    public AgentIdentity {
        caChain = List.copyOf(caChain);
    }

    /** When the certificate expires. */
    public Instant expiresAt() {
        return certificate.getNotAfter().toInstant();
    }

    /** The certificate followed by the CA chain, as presented in the TLS handshake. */
    public X509Certificate[] certificateChain() {
        X509Certificate[] chain = new X509Certificate[caChain.size() + 1];
        chain[0] = certificate;
        for (int i = 0; i < caChain.size(); i++) {
            chain[i + 1] = caChain.get(i);
        }
        return chain;
    }

    @Override
    public String toString() {
        return "AgentIdentity[agentId=" + agentId + ", certificate=" + certificate.getSerialNumber().toString(16)
                + ", expiresAt=" + expiresAt() + ", renewAfter=" + renewAfter + "]";
    }
}
