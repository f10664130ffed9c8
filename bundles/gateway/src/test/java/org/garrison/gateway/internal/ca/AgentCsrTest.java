package org.garrison.gateway.internal.ca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;

import org.garrison.api.error.ValidationException;
import org.junit.jupiter.api.Test;

class AgentCsrTest {

    @Test
    void acceptsEcP256AndP384AndRsaOf2048Bits() {
        assertEquals("EC", AgentCsr.parse(Csrs.p256()).publicKey().getAlgorithm());
        assertEquals("EC", AgentCsr.parse(Csrs.pem(Csrs.ec("secp384r1"))).publicKey().getAlgorithm());
        assertEquals("RSA", AgentCsr.parse(Csrs.pem(Csrs.rsa(2048))).publicKey().getAlgorithm());
    }

    @Test
    void refusesWeakOrUnusualKeys() {
        assertRefused(Csrs.pem(Csrs.rsa(1024)), "2048");
        assertRefused(Csrs.pem(Csrs.ec("secp521r1")), "P-256");
    }

    @Test
    void refusesARequestNotSignedByTheKeyItCarries() {
        KeyPair subject = Csrs.ec("secp256r1");
        KeyPair someoneElse = Csrs.ec("secp256r1");
        assertRefused(Csrs.signedByAnotherKey(subject, someoneElse), "signature");
    }

    @Test
    void refusesWhatIsNotASigningRequest() {
        assertRefused(null, "required");
        assertRefused("  ", "required");
        assertRefused("hello", "PKCS #10");
        assertRefused("-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n", "PKCS #10");
        CertificateAuthority authority = TestAuthority.over(databaseTransactions(), new TestCipher(),
                java.time.Clock.systemUTC());
        assertRefused(authority.certificatePem(), "PKCS #10");
        assertRefused("x".repeat(AgentCsr.MAX_PEM_LENGTH + 1), "at most");
    }

    private static org.garrison.api.store.Transactions databaseTransactions() {
        try {
            return TestAuthority.database().transactions();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertRefused(String pem, String messagePart) {
        ValidationException refused = assertThrows(ValidationException.class, () -> AgentCsr.parse(pem));
        assertEquals("csr", refused.errors().get(0).field());
        assertTrue(refused.getMessage().contains(messagePart), refused.getMessage());
    }
}
