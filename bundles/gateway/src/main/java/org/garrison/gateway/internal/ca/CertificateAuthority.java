package org.garrison.gateway.internal.ca;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.garrison.api.security.EncryptedDataOwner;
import org.garrison.api.security.PersonalDataCipher;
import org.garrison.api.server.ServerIdentity;
import org.garrison.api.store.MigratedSchema;
import org.garrison.api.store.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's certificate authority for agents: created on the very first start (an EC P-256 key and a self-signed
 * certificate valid for 20 years), kept in GATEWAY_CA with its private key encrypted under the data key, and loaded
 * by every server node from there. It signs the agents' client certificates and the gateway's own server
 * certificate. Key material never reaches a log.
 */
@Component(service = {CertificateAuthority.class, EncryptedDataOwner.class})
public class CertificateAuthority implements EncryptedDataOwner {

    private static final Logger LOG = LoggerFactory.getLogger(CertificateAuthority.class);

    /** The authority outlives any agent installation; renewing it would mean re-enrolling every agent. */
    static final int AUTHORITY_VALIDITY_YEARS = 20;
    /** Certificates start a little in the past, so that an agent whose clock lags accepts them at once. */
    static final Duration CLOCK_SKEW = Duration.ofHours(1);
    private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
    private static final String KEY_ALGORITHM = "EC";
    private static final String CURVE = "secp256r1";

    private final Transactions transactions;
    private final AuthorityRepository repository = new AuthorityRepository();
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Authority authority;

    /** The loaded authority: its certificate and key, and what is derived from them once. */
    private record Authority(X509Certificate certificate, PrivateKey key, String pem, String pin) {

        @Override
        public String toString() {
            return "Authority[" + certificate.getSubjectX500Principal() + "]";
        }
    }

    @Activate
    public CertificateAuthority(@Reference Transactions transactions, @Reference PersonalDataCipher cipher,
            @Reference ServerIdentity server,
            @Reference(target = "(" + MigratedSchema.SCHEMA_PROPERTY + "=gateway)") MigratedSchema schema) {
        this(transactions, cipher, server.id(), Clock.systemUTC());
    }

    CertificateAuthority(Transactions transactions, PersonalDataCipher cipher, UUID serverId, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
        this.authority = loadOrCreate(cipher, serverId);
    }

    /** The authority's certificate: the only trust anchor of agents' client certificates. */
    public X509Certificate certificate() {
        return authority.certificate();
    }

    /** The authority's certificate in PEM. */
    public String certificatePem() {
        return authority.pem();
    }

    /** The pin agents check on first contact (see {@link CaPin}). */
    public String pin() {
        return authority.pin();
    }

    /**
     * Signs an agent's client certificate: subject {@code CN=<agentId>}, {@code clientAuth} only, digital signature
     * only, a random 128-bit serial.
     */
    public IssuedCertificate issueAgentCertificate(AgentCsr csr, UUID agentId, Duration validity) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(validity);
        BigInteger serial = newSerial();
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(issuer(), serial,
                Date.from(now.minus(CLOCK_SKEW)), Date.from(expiresAt), commonName(agentId.toString()),
                csr.publicKeyInfo());
        X509Certificate certificate = sign(builder, csr.publicKeyInfo(), KeyPurposeId.id_kp_clientAuth, null);
        return new IssuedCertificate(certificate, serial.toString(16), now, expiresAt);
    }

    /**
     * Signs a server certificate for the gateway's port: {@code serverAuth} only, with the given names as subject
     * alternative names (the first DNS name also as common name).
     */
    public X509Certificate issueServerCertificate(PublicKey key, String commonName, List<GeneralName> names,
            Duration validity) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        SubjectPublicKeyInfo keyInfo = SubjectPublicKeyInfo.getInstance(key.getEncoded());
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(issuer(), newSerial(),
                Date.from(now.minus(CLOCK_SKEW)), Date.from(now.plus(validity)), commonName(commonName), keyInfo);
        return sign(builder, keyInfo, KeyPurposeId.id_kp_serverAuth,
                new GeneralNames(names.toArray(GeneralName[]::new)));
    }

    @Override
    public String name() {
        return "gateway";
    }

    /** Re-encrypts the authority's private key when the data key was rotated. */
    @Override
    public int reencrypt(PersonalDataCipher cipher) {
        return transactions.inTransaction(connection -> {
            StoredAuthority stored = repository.find(connection).orElse(null);
            if (stored == null || !cipher.isStale(stored.privateKeyEncrypted())) {
                return 0;
            }
            repository.updatePrivateKey(connection, cipher.encrypt(cipher.decrypt(stored.privateKeyEncrypted())));
            return 1;
        });
    }

    private Authority loadOrCreate(PersonalDataCipher cipher, UUID serverId) {
        StoredAuthority stored = transactions.inTransaction(repository::find).orElse(null);
        boolean created = false;
        if (stored == null) {
            StoredAuthority candidate = create(cipher, serverId);
            stored = new AuthorityStore(transactions, repository).insertOrLoad(candidate);
            created = stored == candidate;
        }
        Authority loaded = read(stored, cipher);
        if (created) {
            LOG.info("Created the certificate authority for agents (pin {})", loaded.pin());
        }
        return loaded;
    }

    private StoredAuthority create(PersonalDataCipher cipher, UUID serverId) {
        KeyPair keys = newKeyPair();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        X500Name subject = commonName("Garrison agent CA " + serverId);
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(subject, newSerial(),
                Date.from(now.minus(CLOCK_SKEW)),
                Date.from(now.atZone(ZoneOffset.UTC).plusYears(AUTHORITY_VALIDITY_YEARS).toInstant()),
                subject, SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()));
        X509Certificate certificate;
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(keys.getPublic()));
            certificate = new JcaX509CertificateConverter().getCertificate(builder.build(signer(keys.getPrivate())));
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("Could not create the certificate authority", e);
        }
        String key = Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded());
        return new StoredAuthority(Pem.of(certificate), cipher.encrypt(key), now);
    }

    private static Authority read(StoredAuthority stored, PersonalDataCipher cipher) {
        try {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(
                            stored.certificatePem().getBytes(StandardCharsets.US_ASCII)));
            byte[] encoded = Base64.getDecoder().decode(cipher.decrypt(stored.privateKeyEncrypted()));
            PrivateKey key = KeyFactory.getInstance(KEY_ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(encoded));
            return new Authority(certificate, key, Pem.of(certificate), CaPin.of(certificate));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // never the exception's message alone: it could quote key bytes
            throw new IllegalStateException("The stored certificate authority cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private X509Certificate sign(X509v3CertificateBuilder builder, SubjectPublicKeyInfo subjectKey,
            KeyPurposeId purpose, GeneralNames alternativeNames) {
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(subjectKey));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(authority.certificate()));
            if (alternativeNames != null) {
                builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames);
            }
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer(authority.key())));
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("Could not sign a certificate", e);
        }
    }

    private static ContentSigner signer(PrivateKey key) {
        try {
            return new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(key);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("No " + SIGNATURE_ALGORITHM + " signer", e);
        }
    }

    private X500Name issuer() {
        return X500Name.getInstance(authority.certificate().getSubjectX500Principal().getEncoded());
    }

    private static X500Name commonName(String name) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, name).build();
    }

    /** A random positive serial of up to 128 bits (RFC 5280 allows 20 octets). */
    private BigInteger newSerial() {
        BigInteger serial;
        do {
            serial = new BigInteger(128, random);
        } while (serial.signum() == 0);
        return serial;
    }

    /** A new EC P-256 key pair: the authority's own, and the gateway's at each start. */
    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(KEY_ALGORITHM);
            generator.initialize(new ECGenParameterSpec(CURVE));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 is part of every Java 17 runtime", e);
        }
    }
}
