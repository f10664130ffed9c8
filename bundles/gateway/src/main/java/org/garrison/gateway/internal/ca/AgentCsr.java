package org.garrison.gateway.internal.ca;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Set;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.garrison.api.error.ValidationException;

/**
 * An agent's certificate signing request, checked: PEM PKCS #10, signed by the key it carries (so the agent holds
 * that key), and the key is one we accept (EC P-256 or P-384, RSA of 2048 bits or more). The subject it names is
 * ignored: the authority sets it.
 */
public final class AgentCsr {

    /** Far above any real request (an RSA 8192 request is under 3 KB); keeps parsing bounded. */
    public static final int MAX_PEM_LENGTH = 16 * 1024;

    /** RSA keys beyond this are refused: they buy no security and make every handshake slow. */
    private static final int MAX_RSA_BITS = 8192;
    private static final int MIN_RSA_BITS = 2048;
    private static final Set<ASN1ObjectIdentifier> ACCEPTED_CURVES = Set.of(X9ObjectIdentifiers.prime256v1,
            SECObjectIdentifiers.secp384r1);

    private static final String FIELD = "csr";

    private final PublicKey publicKey;
    private final SubjectPublicKeyInfo publicKeyInfo;

    private AgentCsr(PublicKey publicKey, SubjectPublicKeyInfo publicKeyInfo) {
        this.publicKey = publicKey;
        this.publicKeyInfo = publicKeyInfo;
    }

    /**
     * @throws ValidationException (field {@code csr}) for anything but a well-formed, correctly signed request for an
     *         accepted key
     */
    public static AgentCsr parse(String pem) {
        if (pem == null || pem.isBlank()) {
            throw invalid("is required");
        }
        if (pem.length() > MAX_PEM_LENGTH) {
            throw invalid("must be at most " + MAX_PEM_LENGTH + " characters");
        }
        Object parsed;
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            parsed = parser.readObject();
        } catch (IOException | RuntimeException e) {
            // Bouncy Castle reports malformed DER with several runtime exception types
            throw invalid("is not a PEM-encoded PKCS #10 certificate request");
        }
        if (!(parsed instanceof PKCS10CertificationRequest request)) {
            throw invalid("is not a PEM-encoded PKCS #10 certificate request");
        }
        SubjectPublicKeyInfo keyInfo = request.getSubjectPublicKeyInfo();
        checkKeyType(keyInfo.getAlgorithm());
        PublicKey key;
        try {
            key = new JcaPKCS10CertificationRequest(request).getPublicKey();
        } catch (java.security.GeneralSecurityException | RuntimeException e) {
            throw invalid("carries a public key that cannot be read");
        }
        if (key instanceof RSAPublicKey rsa) {
            checkRsaSize(rsa.getModulus());
        }
        boolean signedByItsKey;
        try {
            signedByItsKey = request.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key));
        } catch (OperatorCreationException | PKCSException | RuntimeException e) {
            throw invalid("has a signature that cannot be verified");
        }
        if (!signedByItsKey) {
            throw invalid("has a signature that does not match its key");
        }
        return new AgentCsr(key, keyInfo);
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    SubjectPublicKeyInfo publicKeyInfo() {
        return publicKeyInfo;
    }

    private static void checkKeyType(AlgorithmIdentifier algorithm) {
        ASN1ObjectIdentifier type = algorithm.getAlgorithm();
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(type)) {
            boolean accepted = algorithm.getParameters() instanceof ASN1ObjectIdentifier curve
                    && ACCEPTED_CURVES.contains(curve);
            if (!accepted) {
                throw invalid("must be for an EC key on P-256 or P-384 (or RSA of 2048 bits or more)");
            }
            return;
        }
        if (!PKCSObjectIdentifiers.rsaEncryption.equals(type)) {
            throw invalid("must be for an EC (P-256, P-384) or RSA key");
        }
    }

    private static void checkRsaSize(BigInteger modulus) {
        int bits = modulus.bitLength();
        if (bits < MIN_RSA_BITS || bits > MAX_RSA_BITS) {
            throw invalid("must be for an RSA key of " + MIN_RSA_BITS + " to " + MAX_RSA_BITS + " bits (this one has "
                    + bits + ")");
        }
    }

    private static ValidationException invalid(String message) {
        return new ValidationException(FIELD, message);
    }
}
