package org.garrison.agent.enrollment;

import java.security.KeyPair;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.garrison.agent.identity.AgentIdentity;
import org.garrison.agent.identity.Pem;
import org.garrison.api.agent.CertificateGrant;

/** Turns the gateway's certificate grant into the agent's identity, after checking it fits the agent's key. */
final class CertificateGrants {

    private CertificateGrants() {
    }

    static AgentIdentity identity(CertificateGrant grant, KeyPair keys) throws CertificateException {
        if (grant.agentId() == null || grant.certificate() == null || grant.caChain().isEmpty()
                || grant.renewAfter() == null) {
            throw new CertificateException("The gateway's certificate grant is incomplete");
        }
        X509Certificate certificate = Pem.certificates(grant.certificate()).get(0);
        if (!Arrays.equals(certificate.getPublicKey().getEncoded(), keys.getPublic().getEncoded())) {
            throw new CertificateException("The certificate the gateway issued is not for the agent's key");
        }
        List<X509Certificate> caChain = new ArrayList<>();
        for (String pem : grant.caChain()) {
            caChain.addAll(Pem.certificates(pem));
        }
        boolean issued = caChain.stream().anyMatch(ca -> {
            try {
                certificate.verify(ca.getPublicKey());
                return true;
            } catch (java.security.GeneralSecurityException e) {
                return false;
            }
        });
        if (!issued) {
            throw new CertificateException("The certificate the gateway issued was not signed by its CA chain");
        }
        return new AgentIdentity(grant.agentId(), keys.getPrivate(), certificate, caChain, grant.renewAfter());
    }
}
