package org.garrison.agent.identity;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether the certificate chain a gateway presents is the Garrison server's. The anchor is either the CA
 * pinned by the enrollment token (first contact) or the CA chain received at enrollment (every later call).
 *
 * <p>The leaf must carry the {@code serverAuth} extended key usage and chain, signature by signature, to an anchor;
 * every certificate on the way must be valid now and the issuers must be CAs. No host name is checked: the private
 * CA is the trust anchor and it gives {@code serverAuth} only to the gateway (see docs/agent-protocol.md).
 */
public final class ServerChainVerifier {

    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final int MAX_DEPTH = 8;

    private final String pin;
    private final List<X509Certificate> anchors;
    private final Clock clock;

    private ServerChainVerifier(String pin, List<X509Certificate> anchors, Clock clock) {
        this.pin = pin;
        this.anchors = anchors;
        this.clock = clock;
    }

    /** Trusts the chain only if it contains the certificate whose SHA-256 is {@code pin}. */
    public static ServerChainVerifier pinned(String pin, Clock clock) {
        return new ServerChainVerifier(pin, List.of(), clock);
    }

    /** Trusts chains that lead to one of the {@code anchors} (the CA chain received at enrollment). */
    public static ServerChainVerifier anchoredIn(List<X509Certificate> anchors, Clock clock) {
        if (anchors.isEmpty()) {
            throw new IllegalArgumentException("No CA certificate to trust");
        }
        return new ServerChainVerifier(null, List.copyOf(anchors), clock);
    }

    /** The pin of a certificate: SHA-256 of its DER encoding, base64url without padding. */
    public static String pinOf(X509Certificate certificate) throws CertificateException {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /**
     * Checks a presented chain, leaf first.
     *
     * @throws CertificateException saying why the chain is not trusted
     */
    public void verify(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("The server presented no certificate");
        }
        List<X509Certificate> trusted = pin == null ? anchors : List.of(pinnedIn(chain));
        Date now = Date.from(clock.instant());
        X509Certificate leaf = chain[0];
        requireServerAuth(leaf);
        X509Certificate current = leaf;
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            requireValid(current, now);
            if (contains(trusted, current) && current != leaf) {
                return;
            }
            Optional<X509Certificate> anchor = issuerAmong(current, trusted);
            if (anchor.isPresent()) {
                requireValid(anchor.get(), now);
                requireCa(anchor.get());
                return;
            }
            Optional<X509Certificate> issuer = issuerAmong(current, Arrays.asList(chain).subList(1, chain.length));
            if (issuer.isEmpty() || issuer.get().equals(current)) {
                break;
            }
            requireCa(issuer.get());
            current = issuer.get();
        }
        throw new CertificateException("The server's certificate " + leaf.getSubjectX500Principal().getName()
                + " does not chain to the " + (pin == null ? "CA received at enrollment" : "pinned CA"));
    }

    private X509Certificate pinnedIn(X509Certificate[] chain) throws CertificateException {
        for (X509Certificate certificate : chain) {
            if (pin.equals(pinOf(certificate))) {
                return certificate;
            }
        }
        throw new PinMismatchException("None of the " + chain.length + " certificates the server presented matches "
                + "the CA pin of the enrollment token: this is not the server that issued the token");
    }

    private static void requireServerAuth(X509Certificate leaf) throws CertificateException {
        List<String> usages;
        try {
            usages = leaf.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            throw new CertificateException("The server certificate's extended key usage cannot be read", e);
        }
        if (usages == null || !usages.contains(SERVER_AUTH)) {
            throw new CertificateException("The server certificate " + leaf.getSubjectX500Principal().getName()
                    + " is not for a TLS server (no serverAuth extended key usage)");
        }
    }

    private static void requireValid(X509Certificate certificate, Date now) throws CertificateException {
        certificate.checkValidity(now);
    }

    private static void requireCa(X509Certificate certificate) throws CertificateException {
        if (certificate.getBasicConstraints() < 0) {
            throw new CertificateException("The certificate " + certificate.getSubjectX500Principal().getName()
                    + " issued a certificate of the server's chain but is not a CA");
        }
    }

    private static Optional<X509Certificate> issuerAmong(X509Certificate certificate,
            List<X509Certificate> candidates) {
        for (X509Certificate candidate : candidates) {
            if (!candidate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                continue;
            }
            try {
                certificate.verify(candidate.getPublicKey());
                return Optional.of(candidate);
            } catch (GeneralSecurityException e) {
                // same name, other key: not this one's issuer
            }
        }
        return Optional.empty();
    }

    private static boolean contains(List<X509Certificate> certificates, X509Certificate certificate) {
        return certificates.stream().anyMatch(certificate::equals);
    }
}
