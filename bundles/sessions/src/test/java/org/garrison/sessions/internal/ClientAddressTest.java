package org.garrison.sessions.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private static final Set<String> PROXY = Set.of("127.0.0.1", "10.0.0.5");

    @Test
    void withoutTrustedProxiesTheConnectionsAddressCounts() {
        assertEquals("192.0.2.7", ClientAddress.of("192.0.2.7", "203.0.113.9", Set.of()));
    }

    @Test
    void aForwardedForHeaderFromAnUntrustedPeerIsIgnored() {
        assertEquals("192.0.2.7", ClientAddress.of("192.0.2.7", "127.0.0.1", PROXY));
    }

    @Test
    void behindATrustedProxyTheRightmostUntrustedHopIsTheClient() {
        assertEquals("203.0.113.9", ClientAddress.of("127.0.0.1", "198.51.100.1, 203.0.113.9", PROXY));
        assertEquals("203.0.113.9", ClientAddress.of("127.0.0.1", "203.0.113.9, 10.0.0.5", PROXY));
        assertEquals("127.0.0.1", ClientAddress.of("127.0.0.1", null, PROXY));
        assertEquals("127.0.0.1", ClientAddress.of("127.0.0.1", "10.0.0.5", PROXY));
    }

    @Test
    void addressesAreComparedInCanonicalForm() {
        assertEquals("0:0:0:0:0:0:0:1", ClientAddress.normalise("::1"));
        assertEquals("0:0:0:0:0:0:0:1", ClientAddress.normalise("[::1]"));
        assertEquals("not-an-address", ClientAddress.normalise("not-an-address"));
        assertEquals("203.0.113.9", ClientAddress.of("0:0:0:0:0:0:0:1", "203.0.113.9",
                Set.of(ClientAddress.normalise("::1"))));
    }

    @Test
    void loopbackAddressesAreRecognisedWithoutResolvingNames() {
        assertEquals(true, ClientAddress.isLoopback("127.0.0.1"));
        assertEquals(true, ClientAddress.isLoopback("::1"));
        assertEquals(true, ClientAddress.isLoopback("0:0:0:0:0:0:0:1"));
        assertEquals(false, ClientAddress.isLoopback("192.0.2.7"));
        assertEquals(false, ClientAddress.isLoopback("localhost"));
        assertEquals(false, ClientAddress.isLoopback(""));
        assertEquals(false, ClientAddress.isLoopback(null));
    }
}
