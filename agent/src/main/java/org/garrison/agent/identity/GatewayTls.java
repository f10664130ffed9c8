package org.garrison.agent.identity;

import java.security.GeneralSecurityException;
import java.time.Clock;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * The TLS set-up of one connection to the gateway: the context and the trust manager, whose last refusal explains a
 * failed handshake.
 *
 * @param context the context to connect with
 * @param trust   the only trust manager of the context
 */
public record GatewayTls(SSLContext context, GatewayTrustManager trust) {

    /** First contact: no client certificate, the gateway trusted through the token's CA pin. */
    public static GatewayTls forEnrollment(EnrollmentToken token, Clock clock) {
        return create(null, new GatewayTrustManager(ServerChainVerifier.pinned(token.caPin(), clock)));
    }

    /** Every later call: the agent's certificate, the gateway trusted through the CA chain received. */
    public static GatewayTls forAgent(AgentIdentity identity, Clock clock) {
        return create(new AgentKeyManager(identity),
                new GatewayTrustManager(ServerChainVerifier.anchoredIn(identity.caChain(), clock)));
    }

    private static GatewayTls create(KeyManager keyManager, GatewayTrustManager trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManager == null ? new KeyManager[0] : new KeyManager[] {keyManager}, new TrustManager[] {trust}, null);
            return new GatewayTls(context, trust);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java runtime cannot set up TLS", e);
        }
    }
}
