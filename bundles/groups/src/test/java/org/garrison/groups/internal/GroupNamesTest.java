package org.garrison.groups.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.garrison.api.error.ValidationException;
import org.junit.jupiter.api.Test;

class GroupNamesTest {

    @Test
    void namesAreTrimmed() {
        assertEquals("Office", GroupNames.validate("name", "  Office \u2003"));
    }

    @Test
    void emptyMissingTooLongOrControlCharactersAreRefusedNamingTheField() {
        for (String bad : new String[] {null, "", "   ", "x".repeat(256), "line\nbreak", "tab\there", "nul\u0000"}) {
            ValidationException e = assertThrows(ValidationException.class, () -> GroupNames.validate("name", bad));
            assertEquals("name", e.errors().get(0).field());
        }
        assertEquals(255, GroupNames.validate("name", "x".repeat(255)).length());
    }

    @Test
    void siblingsCompareNamesIgnoringCase() {
        assertEquals(GroupNames.key("Office Berlin"), GroupNames.key("OFFICE berlin"));
    }
}
