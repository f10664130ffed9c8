package org.garrison.gateway.internal.ca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.security.Key;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.garrison.gateway.internal.GatewayCredentials;
import org.junit.jupiter.api.Test;

class GatewayCredentialsServiceTest {

    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

    @Test
    void theGatewayGetsAServerCertificateFromTheAuthorityWithTheConfiguredNames() throws Exception {
        CertificateAuthority authority = TestAuthority.over(TestAuthority.database().transactions(),
                new TestCipher(), new MutableClock(Instant.now()));
        GatewayCredentialsService credentials = new GatewayCredentialsService(authority,
                config("gw.example.com", " 10.1.2.3 , gw2.example.com", "not-a-name!", ""));

        Key key = credentials.serverKeyStore().getKey(GatewayCredentials.SERVER_KEY_ALIAS,
                credentials.serverKeyPassword());
        assertTrue(key instanceof PrivateKey);
        Certificate[] chain = credentials.serverKeyStore().getCertificateChain(GatewayCredentials.SERVER_KEY_ALIAS);
        assertEquals(2, chain.length);
        assertEquals(authority.certificate(), chain[1]);
        assertEquals(authority.certificate(), credentials.caCertificate());
        X509Certificate server = (X509Certificate) chain[0];
        server.verify(authority.certificate().getPublicKey());
        assertEquals(List.of(SERVER_AUTH), server.getExtendedKeyUsage());
        assertEquals(-1, server.getBasicConstraints());
        Set<String> names = server.getSubjectAlternativeNames().stream().map(name -> (String) name.get(1))
                .collect(Collectors.toSet());
        assertTrue(names.containsAll(Set.of("localhost", "127.0.0.1", "gw.example.com", "10.1.2.3",
                "gw2.example.com")), names::toString);
        assertTrue(names.stream().anyMatch(name -> name.startsWith("0:0:0:0:0:0:0:1")), "::1, " + names);
        assertFalse(names.contains("not-a-name!"));
        assertTrue(credentials.serverNames().containsAll(List.of("localhost", "127.0.0.1", "::1", "gw.example.com",
                "10.1.2.3")));
    }

    @Test
    void everyStartMakesANewKey() throws Exception {
        CertificateAuthority authority = TestAuthority.over(TestAuthority.database().transactions(),
                new TestCipher(), new MutableClock(Instant.now()));
        var first = new GatewayCredentialsService(authority, config());
        var second = new GatewayCredentialsService(authority, config());
        assertFalse(first.serverKeyStore().getCertificate(GatewayCredentials.SERVER_KEY_ALIAS).getPublicKey()
                .equals(second.serverKeyStore().getCertificate(GatewayCredentials.SERVER_KEY_ALIAS).getPublicKey()));
    }

    private static ServerCertificateConfig config(String... names) {
        return new ServerCertificateConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ServerCertificateConfig.class;
            }

            @Override
            public String[] serverNames() {
                return names;
            }
        };
    }
}
