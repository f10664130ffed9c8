package org.garrison.agent.testing;

import java.io.StringReader;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.garrison.agent.identity.AgentKeys;

/**
 * A private CA for tests, made with Bouncy Castle the way the gateway makes its own: a root CA, a gateway certificate
 * with {@code serverAuth}, and client certificates issued from agents' requests.
 */
public final class TestPki {

    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

    public final KeyPair caKeys;
    public final X509Certificate ca;
    public final KeyPair gatewayKeys;
    public final X509Certificate gateway;

    public TestPki(String name) {
        this.caKeys = AgentKeys.newKeyPair();
        this.ca = certificate(new X500Name("CN=" + name + " CA"), caKeys.getPublic(), new X500Name("CN=" + name
                + " CA"), caKeys.getPrivate(), true, null, Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(3650)));
        this.gatewayKeys = AgentKeys.newKeyPair();
        this.gateway = issue("CN=" + name + " gateway", gatewayKeys.getPublic(), KeyPurposeId.id_kp_serverAuth);
    }

    /** A certificate issued by this CA. */
    public X509Certificate issue(String subject, PublicKey key, KeyPurposeId usage) {
        return issue(subject, key, usage, Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(365)));
    }

    public X509Certificate issue(String subject, PublicKey key, KeyPurposeId usage, Instant from, Instant until) {
        return certificate(new X500Name(subject), key, new X500Name(ca.getSubjectX500Principal().getName()),
                caKeys.getPrivate(), false, usage, from, until);
    }

    /** A client certificate for the key of a PEM request, as the gateway issues it. */
    public X509Certificate issueFromRequest(String csrPem, String subject) {
        try (PEMParser parser = new PEMParser(new StringReader(csrPem))) {
            PKCS10CertificationRequest request = (PKCS10CertificationRequest) parser.readObject();
            PublicKey key = new JcaPKCS10CertificationRequest(request).getPublicKey();
            return issue(subject, key, KeyPurposeId.id_kp_clientAuth);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A server TLS context presenting {@code chain} and trusting client certificates of this CA. */
    public SSLContext serverContext(PrivateKey key, X509Certificate... chain) {
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("gateway", key, "secret".toCharArray(), chain);
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance("PKIX");
            keyManagers.init(keys, "secret".toCharArray());
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", ca);
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance("PKIX");
            trustManagers.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate certificate(X500Name subject, PublicKey key, X500Name issuer,
            PrivateKey issuerKey, boolean ca, KeyPurposeId usage, Instant from, Instant until) {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(from), Date.from(until), subject, key);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            if (ca) {
                builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
            } else {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            }
            if (usage != null) {
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(usage));
            }
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
