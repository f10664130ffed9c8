package org.garrison.plugins.devicecontrol.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.garrison.api.error.FieldError;
import org.garrison.api.plugin.JsonSchemaValidator;
import org.garrison.api.plugin.PluginContributions;
import org.garrison.testkit.PluginCheckResult;
import org.garrison.testkit.PluginDescriptorCheck;
import org.garrison.testkit.PluginResources;
import org.garrison.testkit.ServerSchemaValidator;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The plugin as the server sees it when it is installed: the manifest bnd made and GARRISON-INF/ as the build
 * assembled it, checked by the test kit with the server's own upload checks (descriptor schema, every JSON Schema against the
 * 2020-12 meta-schema, console modules present, table names in the namespace), and the settings schema's rules.
 */
class PluginBundleTest {

    /** What a plugin may import: the published API, the OSGi and JAX-RS APIs, swagger annotations, SLF4J, Jackson. */
    private static final List<String> ALLOWED_IMPORTS = List.of("org.garrison.api", "org.osgi.", "javax.ws.rs",
            "io.swagger.v3.oas.annotations", "org.slf4j", "com.fasterxml.jackson.");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonSchemaValidator schemas = new ServerSchemaValidator();
    private final PluginResources files = PluginResources.onClassPath();
    private final PluginCheckResult checked = new PluginDescriptorCheck()
            .checkBuildOutput(Path.of("target", "classes"));

    @Test
    void theBundleImportsOnlyThePublishedApiAndNoCoreInternals() {
        List<String> packages = checked.importedPackages();
        assertFalse(packages.isEmpty());
        for (String name : packages) {
            assertFalse(name.contains(".internal"), "imports an internal package: " + name);
            assertTrue(ALLOWED_IMPORTS.stream().anyMatch(name::startsWith), "imports " + name);
        }
        assertTrue(packages.contains("org.garrison.api.agent"), packages.toString());
    }

    @Test
    void theServerAcceptsTheDescriptorWithEverySchemaModuleAndTable() {
        checked.requirePassed();
        assertEquals(DeviceControl.ID, checked.pluginId());
        PluginContributions contributions = checked.contributions();
        assertEquals(List.of("rescan-devices"), contributions.taskTypes().stream().map(t -> t.type()).toList());
        assertEquals(List.of(DeviceControl.EVENT_DEVICE_BLOCKED, DeviceControl.EVENT_ALLOWED_BY_EXCEPTION),
                contributions.eventTypes().stream().map(t -> t.type()).toList());
        assertEquals(List.of(DeviceControl.KIND_CONNECTED_DEVICES, DeviceControl.KIND_ACCESS_LOG),
                contributions.dataKinds().stream().map(k -> k.kind()).toList());
        assertEquals(List.of(DeviceControl.READ), contributions.permissions().stream().map(p -> p.id()).toList());
        assertEquals(List.of("DEVICE_CONTROL_DEVICE", "DEVICE_CONTROL_ACCESS_LOG", "DEVICE_CONTROL_STATE"),
                checked.tables());
        assertEquals(List.of("device-control.external-devices", "device-control.access-log"),
                contributions.data().stream().filter(d -> d.personal()).map(d -> d.id()).toList(),
                "device names, serial numbers and user accounts are declared personal");
    }

    @Test
    void theSettingsSchemaAcceptsItsDefaultsAndAFullPolicy() throws IOException {
        String settings = files.text("GARRISON-INF/schemas/settings.json");
        assertEquals(List.of(), schemas.validate(settings, Map.of()));
        assertEquals(List.of(), schemas.validate(settings, read("""
                {"logOnly": false,
                 "defaultAccess": {"removable-storage": "read-only", "cd-dvd": "block", "portable-device": "read-only",
                   "printer": "allow", "modem": "block", "bluetooth": "block"},
                 "buses": {"firewire": "block", "thunderbolt": "block", "usb": "allow"},
                 "rules": [{"name": "No Bluetooth storage", "deviceClass": "portable-device", "bus": "bluetooth",
                            "access": "block"},
                           {"name": "Read-only sticks", "deviceClass": "removable-storage", "access": "read-only"},
                           {"name": "Nothing on PCI", "bus": "pci", "access": "block", "comment": "ExpressCard"}],
                 "trustedDevices": [{"vendorId": "0951", "productId": "16??", "serialNumber": "ACME-*",
                                     "comment": "encrypted sticks handed out by IT (ticket 4711)"}],
                 "notification": {"enabled": true, "text": "Ask IT."}}
                """)));
    }

    @Test
    void readOnlyIsRefusedForClassesThatAreNotStorage() throws IOException {
        String settings = files.text("GARRISON-INF/schemas/settings.json");
        List<String> fields = fields(schemas.validate(settings, read("""
                {"defaultAccess": {"printer": "read-only", "removable-storage": "write-only"},
                 "rules": [{"name": "printers", "deviceClass": "printer", "access": "read-only"},
                           {"name": "all of usb", "bus": "usb", "access": "read-only"},
                           {"name": "matches nothing", "access": "block"}]}
                """)));
        for (String expected : List.of("defaultAccess/printer", "defaultAccess/removable-storage", "rules/0",
                "rules/1", "rules/2")) {
            assertTrue(fields.stream().anyMatch(f -> f.startsWith(expected)), expected + " in " + fields);
        }
    }

    @Test
    void trustedDevicesNeedAVendorMaskAndAComment() throws IOException {
        String settings = files.text("GARRISON-INF/schemas/settings.json");
        List<String> fields = fields(schemas.validate(settings, read("""
                {"trustedDevices": [{"vendorId": "0951"}, {"vendorId": "xyz!", "comment": "typo"},
                                    {"vendorId": "*", "serialNumber": "with space", "comment": "c"}],
                 "unknown": true}
                """)));
        for (String expected : List.of("trustedDevices/0", "trustedDevices/1/vendorId",
                "trustedDevices/2/serialNumber")) {
            assertTrue(fields.stream().anyMatch(f -> f.startsWith(expected)), expected + " in " + fields);
        }
        assertFalse(schemas.validate(settings, Map.of("rules", java.util.Collections.nCopies(201,
                Map.of("name", "r", "bus", "usb", "access", "allow")))).isEmpty(), "at most 200 rules");
    }

    @Test
    void theRescanTaskTakesOnlyItsOption() {
        String rescan = files.text("GARRISON-INF/schemas/rescan-devices.json");
        assertEquals(List.of(), schemas.validate(rescan, Map.of()));
        assertEquals(List.of(), schemas.validate(rescan, Map.of("logEveryDevice", true)));
        assertFalse(schemas.validate(rescan, Map.of("logEveryDevice", "yes")).isEmpty());
        assertFalse(schemas.validate(rescan, Map.of("eject", true)).isEmpty());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(String json) throws IOException {
        return JSON.readValue(json, Map.class);
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }
}
