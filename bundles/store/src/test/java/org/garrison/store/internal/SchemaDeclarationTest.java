package org.garrison.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SchemaDeclarationTest {

    @Test
    void aWellFormedHeaderNamesTheSchemaAndItsChangelog() {
        SchemaDeclaration declaration = SchemaDeclaration.parse(" devices ; changelog=\"db/devices.sql\" ");
        assertEquals("devices", declaration.name());
        assertEquals("db/devices.sql", declaration.changelog());
        assertEquals("GSDEVICESLOG", declaration.historyTable());
        assertEquals("GSDEVICESLOCK", declaration.lockTable());
    }

    @Test
    void historyTableNamesNeverContainUnderscores() {
        assertEquals(false, SchemaDeclaration.parse("ep2;changelog=x.sql").historyTable().contains("_"));
    }

    @Test
    void malformedHeadersAreRefusedWithAMessage() {
        for (String bad : new String[] {"", "Devices;changelog=a.sql", "dev-ices;changelog=a.sql", "devices",
                "devices;changelog=", "devices;changelog=a.txt", "x;changelog=../../etc/passwd.sql",
                "x;changelog=/abs.sql"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SchemaDeclaration.parse(bad), bad);
            assertEquals(true, e.getMessage().contains("Garrison-Schema"), e.getMessage());
        }
    }
}
