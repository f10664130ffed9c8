package org.garrison.agent.identity;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.garrison.agent.testing.TestPki;
import org.junit.jupiter.api.Test;

class ServerChainVerifierTest {

    private final TestPki pki = new TestPki("Garrison");
    private final Clock clock = Clock.systemUTC();

    @Test
    void aChainContainingThePinnedCaIsTrusted() throws CertificateException {
        ServerChainVerifier verifier = ServerChainVerifier.pinned(ServerChainVerifier.pinOf(pki.ca), clock);
        assertDoesNotThrow(() -> verifier.verify(new X509Certificate[] {pki.gateway, pki.ca}));
    }

    @Test
    void aChainWithoutThePinnedCaIsRefusedAsAPinMismatch() throws CertificateException {
        TestPki other = new TestPki("Impostor");
        ServerChainVerifier verifier = ServerChainVerifier.pinned(ServerChainVerifier.pinOf(pki.ca), clock);
        assertThrows(PinMismatchException.class,
                () -> verifier.verify(new X509Certificate[] {other.gateway, other.ca}));
        assertThrows(PinMismatchException.class, () -> verifier.verify(new X509Certificate[] {pki.gateway}));
    }

    @Test
    void aLeafNotSignedByThePinnedCaIsRefusedEvenWhenTheCaIsSentAlong() throws CertificateException {
        TestPki other = new TestPki("Impostor");
        ServerChainVerifier verifier = ServerChainVerifier.pinned(ServerChainVerifier.pinOf(pki.ca), clock);
        CertificateException e = assertThrows(CertificateException.class,
                () -> verifier.verify(new X509Certificate[] {other.gateway, pki.ca}));
        assertTrue(e.getMessage().contains("does not chain"), e.getMessage());
    }

    @Test
    void aCertificateWithoutServerAuthIsRefused() throws CertificateException {
        KeyPair keys = AgentKeys.newKeyPair();
        X509Certificate clientOnly = pki.issue("CN=agent", keys.getPublic(), KeyPurposeId.id_kp_clientAuth);
        ServerChainVerifier verifier = ServerChainVerifier.pinned(ServerChainVerifier.pinOf(pki.ca), clock);
        CertificateException e = assertThrows(CertificateException.class,
                () -> verifier.verify(new X509Certificate[] {clientOnly, pki.ca}));
        assertTrue(e.getMessage().contains("serverAuth"), e.getMessage());
    }

    @Test
    void anExpiredGatewayCertificateIsRefused() throws CertificateException {
        KeyPair keys = AgentKeys.newKeyPair();
        X509Certificate expired = pki.issue("CN=old gateway", keys.getPublic(), KeyPurposeId.id_kp_serverAuth,
                Instant.now().minus(Duration.ofDays(30)), Instant.now().minus(Duration.ofDays(1)));
        ServerChainVerifier verifier = ServerChainVerifier.pinned(ServerChainVerifier.pinOf(pki.ca), clock);
        assertThrows(CertificateException.class, () -> verifier.verify(new X509Certificate[] {expired, pki.ca}));
    }

    @Test
    void afterEnrollmentOnlyTheReceivedCaIsTrustedWithOrWithoutItInTheChain() {
        ServerChainVerifier verifier = ServerChainVerifier.anchoredIn(List.of(pki.ca), clock);
        assertDoesNotThrow(() -> verifier.verify(new X509Certificate[] {pki.gateway, pki.ca}));
        assertDoesNotThrow(() -> verifier.verify(new X509Certificate[] {pki.gateway}));
        TestPki other = new TestPki("Impostor");
        assertThrows(CertificateException.class,
                () -> verifier.verify(new X509Certificate[] {other.gateway, other.ca}));
    }
}
