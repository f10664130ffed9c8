package org.garrison.bench.gateway;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The baseline's own certificate authority, shaped like the server's: EC P-256 keys, a gateway certificate with
 * {@code serverAuth}, client certificates with {@code clientAuth}, so the baseline pays the same TLS costs.
 */
final class BenchAuthority {

    static final char[] PASSWORD = "bench".toCharArray();

    private final KeyPair caKeys;
    private final X509Certificate ca;
    private final SecureRandom random = new SecureRandom();

    BenchAuthority() throws Exception {
        caKeys = keys();
        Instant now = Instant.now();
        X500Name name = new X500Name("CN=Garrison bench CA");
        var builder = new JcaX509v3CertificateBuilder(name, serial(), Date.from(now.minusSeconds(60)),
                Date.from(now.plus(Duration.ofDays(1))), name, caKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
        ca = sign(builder);
    }

    X509Certificate ca() {
        return ca;
    }

    /** A key store with the gateway's key under "gateway", valid for localhost and 127.0.0.1. */
    KeyStore server() throws Exception {
        KeyPair keys = keys();
        var builder = leaf("CN=localhost", keys);
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        return store("gateway", keys, sign(builder));
    }

    /** A key store with one client's key under "agent". */
    KeyStore client(int index) throws Exception {
        KeyPair keys = keys();
        var builder = leaf("CN=bench-client-" + index, keys);
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
        return store("agent", keys, sign(builder));
    }

    private JcaX509v3CertificateBuilder leaf(String subject, KeyPair keys) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(new X500Name("CN=Garrison bench CA"), serial(),
                Date.from(now.minusSeconds(60)), Date.from(now.plus(Duration.ofDays(1))), new X500Name(subject),
                keys.getPublic());
    }

    private KeyStore store(String alias, KeyPair keys, X509Certificate certificate) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(alias, keys.getPrivate(), PASSWORD, new X509Certificate[] {certificate, ca});
        return store;
    }

    private X509Certificate sign(JcaX509v3CertificateBuilder builder) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate())));
    }

    private BigInteger serial() {
        return new BigInteger(127, random);
    }

    private static KeyPair keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }
}
