package org.garrison.gateway.internal.ca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyFactory;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.garrison.store.internal.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CertificateAuthorityTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    private TestDatabase database;
    private TestCipher cipher;
    private MutableClock clock;

    @BeforeEach
    void setUp() throws SQLException {
        database = TestAuthority.database();
        cipher = new TestCipher();
        clock = new MutableClock(NOW);
    }

    @Test
    void theFirstStartCreatesTheAuthorityAndLaterStartsLoadIt() throws Exception {
        CertificateAuthority first = TestAuthority.over(database.transactions(), cipher, clock);
        CertificateAuthority second = TestAuthority.over(database.transactions(), cipher, clock);
        assertEquals(first.certificate(), second.certificate());
        assertEquals(first.pin(), second.pin());
        assertEquals(CaPin.of(first.certificate()), first.pin());
        assertEquals(43, first.pin().length());
        assertEquals(1, rows());
    }

    @Test
    void theAuthorityIsAnEcCaThatMaySignOnlyEndEntitiesForTwentyYears() throws Exception {
        X509Certificate ca = TestAuthority.over(database.transactions(), cipher, clock).certificate();
        assertEquals("CN=Garrison agent CA " + TestAuthority.SERVER_ID, ca.getSubjectX500Principal().getName());
        assertEquals(ca.getSubjectX500Principal(), ca.getIssuerX500Principal());
        ca.verify(ca.getPublicKey());
        assertEquals("EC", ca.getPublicKey().getAlgorithm());
        assertEquals(0, ca.getBasicConstraints());
        boolean[] usage = ca.getKeyUsage();
        assertTrue(usage[5] && usage[6], "keyCertSign and cRLSign");
        assertFalse(usage[0], "no digitalSignature");
        assertTrue(ca.getCriticalExtensionOIDs().containsAll(Set.of("2.5.29.19", "2.5.29.15")));
        assertEquals(NOW.atZone(ZoneOffset.UTC).plusYears(20).toInstant(), ca.getNotAfter().toInstant());
    }

    @Test
    void thePrivateKeyIsStoredOnlyEncryptedAndMatchesTheCertificate() throws Exception {
        CertificateAuthority authority = TestAuthority.over(database.transactions(), cipher, clock);
        String stored = storedKey();
        assertTrue(stored.startsWith("k1:"), "encrypted with the data key");
        byte[] pkcs8 = Base64.getDecoder().decode(cipher.decrypt(stored));
        assertFalse(stored.contains(Base64.getEncoder().encodeToString(pkcs8).substring(0, 40)));
        var key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        Signature signature = Signature.getInstance("SHA256withECDSA");
        signature.initSign(key);
        signature.update(new byte[] {1, 2, 3});
        byte[] signed = signature.sign();
        signature.initVerify(authority.certificate().getPublicKey());
        signature.update(new byte[] {1, 2, 3});
        assertTrue(signature.verify(signed));
    }

    @Test
    void nodesStartingTogetherEndUpWithOneAuthority() throws Exception {
        int nodes = 4;
        CyclicBarrier start = new CyclicBarrier(nodes);
        ExecutorService threads = Executors.newFixedThreadPool(nodes);
        try {
            List<Future<String>> pins = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                pins.add(threads.submit(() -> {
                    start.await();
                    return TestAuthority.over(database.transactions(), cipher, clock).pin();
                }));
            }
            Set<String> distinct = pins.stream().map(CertificateAuthorityTest::get).collect(Collectors.toSet());
            assertEquals(1, distinct.size());
        } finally {
            threads.shutdownNow();
        }
        assertEquals(1, rows());
    }

    @Test
    void aNodeThatLosesTheRaceUsesTheAuthorityStoredFirst() {
        AuthorityStore store = new AuthorityStore(database.transactions(), new AuthorityRepository());
        StoredAuthority winner = new StoredAuthority("winner-pem", "winner-key", NOW);
        StoredAuthority loser = new StoredAuthority("loser-pem", "loser-key", NOW);
        assertSame(winner, store.insertOrLoad(winner));
        StoredAuthority used = store.insertOrLoad(loser);
        assertEquals("winner-pem", used.certificatePem());
        assertEquals("winner-key", used.privateKeyEncrypted());
    }

    @Test
    void rotatingTheDataKeyReEncryptsThePrivateKeyOnce() throws Exception {
        CertificateAuthority authority = TestAuthority.over(database.transactions(), cipher, clock);
        assertEquals(0, authority.reencrypt(cipher));
        cipher.rotate();
        assertEquals(1, authority.reencrypt(cipher));
        assertTrue(storedKey().startsWith("k2:"));
        assertEquals(0, authority.reencrypt(cipher));
        assertEquals(authority.pin(), TestAuthority.over(database.transactions(), cipher, clock).pin());
        assertEquals("gateway", authority.name());
    }

    @Test
    void agentCertificatesNameTheAgentAndAllowOnlyClientAuthentication() throws Exception {
        CertificateAuthority authority = TestAuthority.over(database.transactions(), cipher, clock);
        UUID agentId = UUID.randomUUID();
        IssuedCertificate issued = authority.issueAgentCertificate(AgentCsr.parse(Csrs.p256()), agentId,
                Duration.ofDays(365));
        X509Certificate certificate = issued.certificate();
        certificate.verify(authority.certificate().getPublicKey());
        assertEquals("CN=" + agentId, certificate.getSubjectX500Principal().getName());
        assertEquals(authority.certificate().getSubjectX500Principal(), certificate.getIssuerX500Principal());
        assertEquals(List.of(CLIENT_AUTH), certificate.getExtendedKeyUsage());
        boolean[] usage = certificate.getKeyUsage();
        assertTrue(usage[0], "digitalSignature");
        for (int i = 1; i < usage.length; i++) {
            assertFalse(usage[i], "only digitalSignature, not bit " + i);
        }
        assertEquals(-1, certificate.getBasicConstraints());
        assertEquals(NOW, issued.issuedAt());
        assertEquals(NOW.plus(Duration.ofDays(365)), issued.expiresAt());
        assertEquals(issued.expiresAt(), certificate.getNotAfter().toInstant());
        assertTrue(certificate.getNotBefore().toInstant().isBefore(NOW), "a little slack for lagging clocks");
        assertEquals(certificate.getSerialNumber().toString(16), issued.serial());
        assertEquals(1, certificate.getSerialNumber().signum());
        assertTrue(certificate.getSerialNumber().bitLength() <= 128);
        assertTrue(issued.pem().startsWith("-----BEGIN CERTIFICATE-----"));
    }

    @Test
    void everyCertificateGetsItsOwnRandomSerial() {
        CertificateAuthority authority = TestAuthority.over(database.transactions(), cipher, clock);
        AgentCsr csr = AgentCsr.parse(Csrs.p256());
        Set<String> serials = new java.util.HashSet<>();
        for (int i = 0; i < 20; i++) {
            serials.add(authority.issueAgentCertificate(csr, UUID.randomUUID(), Duration.ofDays(1)).serial());
        }
        assertEquals(20, serials.size());
    }

    @Test
    void aDamagedKeyIsReportedWithoutQuotingIt() throws SQLException {
        TestAuthority.over(database.transactions(), cipher, clock);
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE GATEWAY_CA SET PRIVATE_KEY_ENCRYPTED = '"
                    + cipher.encrypt("bm90IGEga2V5") + "'");
        }
        IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> TestAuthority.over(database.transactions(), cipher, clock));
        assertNull(refused.getCause());
        assertFalse(refused.getMessage().contains("bm90IGEga2V5"));
        assertNotEquals("", refused.getMessage());
    }

    private int rows() throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM GATEWAY_CA")) {
            row.next();
            return row.getInt(1);
        }
    }

    private String storedKey() throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT PRIVATE_KEY_ENCRYPTED FROM GATEWAY_CA")) {
            row.next();
            return row.getString(1);
        }
    }

    private static String get(Future<String> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
