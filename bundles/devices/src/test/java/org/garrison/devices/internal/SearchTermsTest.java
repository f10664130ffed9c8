package org.garrison.devices.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SearchTermsTest {

    @Test
    void namesAreFoundFromTheStartOfEachWordAndAddressesFromTheirStart() {
        assertEquals(Set.of("ws-0042", "0042", "ws-0042.corp.example", "0042.corp.example", "corp.example",
                "example", "10.20.0.3", "fe80::1", "02:00:00:00:03:01"),
                SearchTerms.of("WS-0042", "ws-0042.corp.example", "10.20.0.3", "FE80::1",
                        List.of("02:00:00:00:03:01")));
    }

    @Test
    void missingValuesGiveNoTerms() {
        assertEquals(Set.of("lab  pc", "pc"), SearchTerms.of(" Lab  PC ", null, null, null, List.of()));
    }

    @Test
    void aSearchTextIsAnEscapedPrefixAndDashesAlsoSearchTheMacNotation() {
        assertEquals(List.of("10\\_1\\%%"), SearchTerms.prefixPatterns(" 10_1% "));
        assertEquals(List.of("00-11-22%", "00:11:22%"), SearchTerms.prefixPatterns("00-11-22"));
    }

    @Test
    void termsAndSearchTextsAreCutToTheColumnWidth() {
        String longName = "a".repeat(300);
        assertEquals(Set.of("a".repeat(SearchTerms.MAX_LENGTH)), SearchTerms.of(longName, null, null, null,
                List.of()));
        assertEquals(List.of("a".repeat(SearchTerms.MAX_LENGTH) + "%"), SearchTerms.prefixPatterns(longName));
    }
}
