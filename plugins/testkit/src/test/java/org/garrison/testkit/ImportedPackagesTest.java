package org.garrison.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class ImportedPackagesTest {

    @Test
    void packageNamesAreReadWithoutAttributesAndQuotedRanges() {
        assertEquals(List.of("javax.ws.rs", "org.garrison.api.agent", "org.slf4j", "a.b", "c.d"),
                ImportedPackages.of("javax.ws.rs;version=\"[2.1,3)\",org.garrison.api.agent;version=\"[1.2,2)\","
                        + "org.slf4j;resolution:=optional, a.b;c.d;version=\"[1,2)\""));
    }

    @Test
    void noHeaderMeansNoImports() {
        assertEquals(List.of(), ImportedPackages.of(null));
        assertEquals(List.of(), ImportedPackages.of(" "));
    }
}
