package org.garrison.devices.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.garrison.api.device.DeviceNetwork;
import org.garrison.api.device.InventoryReport;
import org.garrison.api.device.SoftwareChanges;
import org.garrison.api.device.SoftwareEntry;
import org.garrison.api.device.SoftwareKey;
import org.garrison.api.error.FieldError;
import org.garrison.api.error.ValidationException;
import org.junit.jupiter.api.Test;

class InventoryCheckTest {

    private static InventoryReport report(boolean full, DeviceNetwork network, SoftwareChanges software) {
        return new InventoryReport(UUID.randomUUID(), full, null, network, null, null, null, null, null, null,
                software, null, null);
    }

    private static List<String> fields(ValidationException e) {
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void aPartialReportMayInstallUpdateAndRemoveSoftware() {
        assertDoesNotThrow(() -> InventoryCheck.check(report(false, null, new SoftwareChanges(
                List.of(new SoftwareEntry("7-Zip", "Igor Pavlov", "24.08", null, null)),
                List.of(new SoftwareEntry("Firefox", "Mozilla", "130", null, null)),
                List.of(new SoftwareKey("WinRAR", null))))));
    }

    @Test
    void aFullReportCannotCarryChanges() {
        ValidationException e = assertThrows(ValidationException.class, () -> InventoryCheck.check(report(true,
                null, new SoftwareChanges(List.of(), List.of(), List.of(new SoftwareKey("WinRAR", null))))));
        assertTrue(fields(e).contains("software"), fields(e).toString());
    }

    @Test
    void theSameSoftwareTwiceIsRefusedWithItsPath() {
        ValidationException e = assertThrows(ValidationException.class, () -> InventoryCheck.check(report(false,
                null, new SoftwareChanges(List.of(new SoftwareEntry("Firefox", "Mozilla", "129", null, null)),
                        List.of(new SoftwareEntry("FIREFOX", "mozilla", "130", null, null)), List.of()))));
        assertTrue(fields(e).contains("software/updated/0"), fields(e).toString());
    }

    @Test
    void everyBadAddressIsNamed() {
        ValidationException e = assertThrows(ValidationException.class, () -> InventoryCheck.check(report(false,
                new DeviceNetwork("10.0.0.300", null, null, List.of("00:11:22:33:44:55", "nope")), null)));
        assertTrue(fields(e).containsAll(List.of("network/ipv4", "network/macAddresses/1")), fields(e).toString());
    }
}
