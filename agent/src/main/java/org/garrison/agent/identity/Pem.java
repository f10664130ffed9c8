package org.garrison.agent.identity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/** PEM in and out: certificates the server sends, requests and certificates the agent writes. */
public final class Pem {

    private Pem() {
    }

    /**
     * Reads the certificates of a PEM text.
     *
     * @throws CertificateException if it holds none or is not PEM
     */
    public static List<X509Certificate> certificates(String pem) throws CertificateException {
        if (pem == null || pem.isBlank()) {
            throw new CertificateException("No certificate given");
        }
        Collection<? extends java.security.cert.Certificate> read = CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        List<X509Certificate> certificates = new ArrayList<>();
        for (java.security.cert.Certificate certificate : read) {
            certificates.add((X509Certificate) certificate);
        }
        if (certificates.isEmpty()) {
            throw new CertificateException("No certificate in the PEM text");
        }
        return certificates;
    }

    /** The PEM text of an object Bouncy Castle knows (certificate, PKCS #10 request). */
    public static String write(Object object) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new IllegalStateException("Writing PEM to memory failed", e);
        }
        return text.toString();
    }
}
