package org.garrison.extender.internal.signature;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The certificates an admin trusts to sign plugins: every certificate in the files of one folder ({@code .pem},
 * {@code .crt}, {@code .cer} or {@code .der}; PEM files may hold several). A signer is trusted when its own
 * certificate is one of them, or when its certificate chain leads to one of them and holds (each certificate issued
 * by the next, valid when the JAR was signed: at its timestamp, or now when it has none).
 */
public final class TrustedSigners {

    private static final Set<String> EXTENSIONS = Set.of("pem", "crt", "cer", "der");

    private final Map<String, X509Certificate> byFingerprint;
    private final List<String> problems;

    private TrustedSigners(Map<String, X509Certificate> byFingerprint, List<String> problems) {
        this.byFingerprint = byFingerprint;
        this.problems = problems;
    }

    /** The certificates of a folder; a missing folder trusts nobody, an unreadable file is reported, not fatal. */
    public static TrustedSigners in(Path folder) {
        Map<String, X509Certificate> certificates = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return new TrustedSigners(certificates, problems);
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                if (!EXTENSIONS.contains(extension(file)) || !Files.isRegularFile(file)) {
                    continue;
                }
                try (InputStream in = Files.newInputStream(file)) {
                    for (java.security.cert.Certificate certificate : factory().generateCertificates(in)) {
                        if (certificate instanceof X509Certificate x509) {
                            certificates.put(fingerprint(x509), x509);
                        }
                    }
                } catch (IOException | CertificateException e) {
                    problems.add(file.getFileName() + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            problems.add(folder + ": " + e.getMessage());
        }
        return new TrustedSigners(certificates, problems);
    }

    /** Trusts exactly these certificates. */
    public static TrustedSigners of(List<X509Certificate> certificates) {
        Map<String, X509Certificate> byFingerprint = new LinkedHashMap<>();
        certificates.forEach(c -> byFingerprint.put(fingerprint(c), c));
        return new TrustedSigners(byFingerprint, List.of());
    }

    /** How many certificates are trusted. */
    public int size() {
        return byFingerprint.size();
    }

    /** Files of the folder that could not be read as certificates. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /**
     * Why the signer is not trusted, or {@code null} when it is.
     */
    String distrust(CodeSigner signer) {
        List<X509Certificate> chain = signer.getSignerCertPath().getCertificates().stream()
                .map(X509Certificate.class::cast).toList();
        if (chain.isEmpty()) {
            return "the signature carries no certificate";
        }
        Date when = signer.getTimestamp() != null ? signer.getTimestamp().getTimestamp() : new Date();
        X509Certificate leaf = chain.get(0);
        if (byFingerprint.containsKey(fingerprint(leaf))) {
            try {
                leaf.checkValidity(when);
                return null;
            } catch (CertificateException e) {
                return "the signer's certificate was not valid " + (signer.getTimestamp() != null
                        ? "at the signing time" : "now (the signature has no timestamp)") + ": " + e.getMessage();
            }
        }
        int anchorAt = -1;
        for (int i = 1; i < chain.size() && anchorAt < 0; i++) {
            if (byFingerprint.containsKey(fingerprint(chain.get(i)))) {
                anchorAt = i;
            }
        }
        if (anchorAt < 0) {
            return byFingerprint.isEmpty() ? "no signer certificates are trusted on this server"
                    : "neither the signer's certificate nor its issuers are among the trusted signers";
        }
        try {
            CertPath path = factory().generateCertPath(chain.subList(0, anchorAt));
            PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(chain.get(anchorAt), null)));
            parameters.setRevocationEnabled(false);
            parameters.setDate(when);
            CertPathValidator.getInstance("PKIX").validate(path, parameters);
            return null;
        } catch (GeneralSecurityException e) {
            return "the signer's certificate chain does not hold: " + e.getMessage();
        }
    }

    static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("Cannot fingerprint a certificate", e);
        }
    }

    private static CertificateFactory factory() throws CertificateException {
        return CertificateFactory.getInstance("X.509");
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
