package org.garrison.extender.internal.signature;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.garrison.api.plugin.PluginSignature;
import org.garrison.api.plugin.SignatureState;

/**
 * Checks a JAR's signature as {@code jarsigner -verify} does, with the JDK's own verifier: every file is read, so a
 * file changed after signing fails its digest; every file must be signed by the same signer, so one added after
 * signing makes the signature invalid rather than letting it in unsigned; then the signer must be trusted.
 */
public final class JarSignatures {

    private JarSignatures() {
    }

    /** What the JAR's signature amounts to against these trusted signers. */
    public static PluginSignature check(Path jar, TrustedSigners trusted) {
        Set<CodeSigner> common = null;
        String unsigned = null;
        try (JarFile file = new JarFile(jar.toFile(), true)) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (entry.isDirectory() || isSignatureFile(entry.getName())) {
                    continue;
                }
                try (InputStream in = file.getInputStream(entry)) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
                CodeSigner[] signers = entry.getCodeSigners();
                if (signers == null || signers.length == 0) {
                    unsigned = unsigned == null ? entry.getName() : unsigned;
                    continue;
                }
                if (common == null) {
                    common = new HashSet<>(Arrays.asList(signers));
                } else {
                    common.retainAll(Arrays.asList(signers));
                }
            }
        } catch (SecurityException e) {
            return new PluginSignature(SignatureState.INVALID, null, null,
                    "The signature does not match the JAR's content: " + e.getMessage());
        } catch (IOException e) {
            return new PluginSignature(SignatureState.INVALID, null, null, "The JAR cannot be read: " + e.getMessage());
        }
        if (common == null) {
            return new PluginSignature(SignatureState.UNSIGNED, null, null, "The JAR is not signed");
        }
        if (unsigned != null) {
            return new PluginSignature(SignatureState.INVALID, null, null,
                    "'" + unsigned + "' is not covered by the signature (added or changed after signing)");
        }
        if (common.isEmpty()) {
            return new PluginSignature(SignatureState.INVALID, null, null,
                    "The JAR's files are not all signed by the same signer");
        }
        PluginSignature untrusted = null;
        for (CodeSigner signer : common) {
            X509Certificate certificate = (X509Certificate) signer.getSignerCertPath().getCertificates().get(0);
            String subject = certificate.getSubjectX500Principal().getName();
            String fingerprint = TrustedSigners.fingerprint(certificate);
            String distrust = trusted.distrust(signer);
            if (distrust == null) {
                return new PluginSignature(SignatureState.TRUSTED, subject, fingerprint,
                        "Signed by " + subject + ", a trusted signer");
            }
            untrusted = new PluginSignature(SignatureState.UNTRUSTED, subject, fingerprint,
                    "Signed by " + subject + ", but " + distrust);
        }
        return untrusted;
    }

    /** The manifest and the signature files themselves, which the signature does not cover. */
    static boolean isSignatureFile(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (!upper.startsWith("META-INF/") || upper.indexOf('/', "META-INF/".length()) >= 0) {
            return false;
        }
        return upper.equals(JarFile.MANIFEST_NAME) || upper.endsWith(".SF") || upper.endsWith(".RSA")
                || upper.endsWith(".DSA") || upper.endsWith(".EC") || upper.startsWith("META-INF/SIG-");
    }
}
