package org.garrison.audit.internal.datainventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.garrison.api.data.DataItem;
import org.garrison.api.data.DataOrigin;
import org.garrison.api.error.FieldError;
import org.garrison.api.error.ValidationException;
import org.junit.jupiter.api.Test;

class DataInventoryFilterTest {

    @Test
    void everyFilterIsRead() {
        assertEquals(new DataInventoryFilter("antivirus", true, DataOrigin.APPLICATION),
                DataInventoryFilter.of(" antivirus ", "true", "APPLICATION"));
        assertEquals(new DataInventoryFilter(null, false, DataOrigin.ADMIN),
                DataInventoryFilter.of(null, "FALSE", "admin"));
    }

    @Test
    void absentAndBlankParametersDoNotFilter() {
        assertEquals(DataInventoryFilter.ALL, DataInventoryFilter.of(null, null, null));
        assertEquals(DataInventoryFilter.ALL, DataInventoryFilter.of("", " ", "\t"));
    }

    @Test
    void everyMalformedParameterIsNamed() {
        ValidationException refused = assertThrows(ValidationException.class,
                () -> DataInventoryFilter.of("x".repeat(256), "yes", "device"));
        assertEquals(List.of("owner", "personal", "origin"),
                refused.errors().stream().map(FieldError::field).toList());
        assertTrue(refused.errors().get(2).message().contains("ADMIN, AGENT, APPLICATION, SERVER"),
                refused.getMessage());
    }

    @Test
    void eachCriterionMustHoldForAMatch() {
        DataItem email = new DataItem("account.email", "core", null, null, DataOrigin.ADMIN, "T", true, true, "r");

        assertTrue(DataInventoryFilter.ALL.matches(email));
        assertTrue(new DataInventoryFilter("core", true, DataOrigin.ADMIN).matches(email));
        assertEquals(List.of(false, false, false), Arrays.asList(
                new DataInventoryFilter("antivirus", null, null).matches(email),
                new DataInventoryFilter(null, false, null).matches(email),
                new DataInventoryFilter(null, null, DataOrigin.AGENT).matches(email)));
    }
}
