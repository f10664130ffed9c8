package org.garrison.gateway.internal.ca;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** Keys and signing requests as agents make them, good and bad. */
public final class Csrs {

    private Csrs() {
    }

    public static KeyPair ec(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A P-256 request, as the Garrison agent sends. */
    public static String p256() {
        return pem(ec("secp256r1"));
    }

    /** A request for the key, signed by it, with a subject the authority is to ignore. */
    public static String pem(KeyPair keys) {
        return Pem.of(request(keys, keys));
    }

    /** A request for one key signed by another: its signature does not match. */
    public static String signedByAnotherKey(KeyPair subject, KeyPair signer) {
        return Pem.of(request(subject, signer));
    }

    private static PKCS10CertificationRequest request(KeyPair subject, KeyPair signer) {
        String algorithm = signer.getPrivate().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
        try {
            return new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=pretending-to-be-the-server"),
                    subject.getPublic()).build(new JcaContentSignerBuilder(algorithm).build(signer.getPrivate()));
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }
}
