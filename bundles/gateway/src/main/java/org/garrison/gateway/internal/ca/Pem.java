package org.garrison.gateway.internal.ca;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/**
 * PEM text of certificates, as agents receive them and the database keeps the authority's certificate.
 */
public final class Pem {

    private Pem() {
    }

    /** The PEM form of a certificate, a signing request or another object Bouncy Castle knows how to write. */
    public static String of(Object object) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing PEM to memory failed", e);
        }
        return text.toString();
    }
}
