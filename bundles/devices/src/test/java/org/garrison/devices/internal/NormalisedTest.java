package org.garrison.devices.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.garrison.api.error.ValidationException;
import org.junit.jupiter.api.Test;

class NormalisedTest {

    @Test
    void ipv4AddressesSortNumerically() {
        assertTrue(Normalised.ipv4("10.0.0.9") < Normalised.ipv4("10.0.0.10"));
        assertEquals(0xC0A80001L, Normalised.ipv4("192.168.0.1"));
        assertEquals(0xFFFFFFFFL, Normalised.ipv4("255.255.255.255"));
    }

    @Test
    void malformedIpv4AddressesAreRecognised() {
        assertFalse(Normalised.isIpv4("10.0.0"));
        assertFalse(Normalised.isIpv4("10.0.0.256"));
        assertFalse(Normalised.isIpv4("10.0.0.-1"));
        assertFalse(Normalised.isIpv4("a.b.c.d"));
        assertTrue(Normalised.isIpv4("0.0.0.0"));
    }

    @Test
    void macAddressesAreWrittenOneWay() {
        assertEquals("00:1a:2b:3c:4d:5e", Normalised.mac("mac", "00-1A-2B-3C-4D-5E"));
        assertEquals("00:1a:2b:3c:4d:5e", Normalised.mac("mac", "001a2b3c4d5e"));
        ValidationException e = assertThrows(ValidationException.class, () -> Normalised.mac("network/mac", "xyz"));
        assertEquals("network/mac", e.errors().get(0).field());
    }

    @Test
    void likePatternsEscapeWildcards() {
        assertEquals("%50\\%\\_off%", Normalised.containsPattern("50%_OFF"));
    }
}
