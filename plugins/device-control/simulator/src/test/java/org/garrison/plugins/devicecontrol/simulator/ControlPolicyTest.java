package org.garrison.plugins.devicecontrol.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The application's decisions: its defaults are the plugin schema's defaults, and trusted devices, rules, buses and
 * classes decide in that order.
 */
class ControlPolicyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Random random = new Random(1);

    @Test
    void theDefaultsAreTheSchemasDefaults() {
        JsonNode properties = PluginSchemas.tree("GARRISON-INF/schemas/settings.json").path("properties");
        assertEquals(defaults(properties.path("defaultAccess")), ControlPolicy.DEFAULT_CLASS_ACCESS);
        assertEquals(defaults(properties.path("buses")), ControlPolicy.DEFAULT_BUS_ACCESS);
        assertEquals(properties.path("notification").path("properties").path("text").path("default").asText(),
                ControlPolicy.DEFAULT_NOTIFICATION);
        assertEquals(properties.path("logOnly").path("default").asBoolean(), ControlPolicy.defaults().logOnly());
    }

    @Test
    void withoutAPolicyStorageWorksAndModemsAndFirewireAreBlocked() {
        ControlPolicy policy = ControlPolicy.defaults();
        assertEquals("allowed", decide(policy, "usb-stick").access());
        assertEquals("class-default", decide(policy, "usb-stick").decidedBy());
        assertEquals("blocked", decide(policy, "lte-modem").access());
        assertEquals(new ControlPolicy.Decision("blocked", "bus", null), decide(policy, "firewire-disk"));
    }

    @Test
    void trustedDevicesThenRulesThenBusesThenClassesDecide() throws Exception {
        ControlPolicy policy = ControlPolicy.of(JSON.readTree("""
                {"defaultAccess": {"removable-storage": "block", "imaging": "block"},
                 "buses": {"bluetooth": "block"},
                 "rules": [{"name": "Headsets welcome", "deviceClass": "bluetooth", "bus": "bluetooth", "access": "allow"},
                           {"name": "Sticks read-only", "deviceClass": "removable-storage", "access": "read-only"},
                           {"name": "Never reached", "deviceClass": "removable-storage", "access": "allow"}],
                 "trustedDevices": [{"vendorId": "0781", "productId": "55??", "serialNumber": "trusted-*",
                                     "comment": "IT's sticks"}]}
                """));
        assertEquals(new ControlPolicy.Decision("allowed", "trusted-device", null),
                policy.decide(DeviceCatalogue.parse("usb-stick,serial=TRUSTED-42", random)), "masks ignore case");
        assertEquals(new ControlPolicy.Decision("read-only", "rule", "Sticks read-only"),
                policy.decide(DeviceCatalogue.parse("usb-stick,serial=OTHER", random)));
        assertEquals(new ControlPolicy.Decision("allowed", "rule", "Headsets welcome"), decide(policy, "headset"));
        assertEquals("blocked", decide(policy, "webcam").access());
        assertEquals("allowed", decide(policy, "printer").access());
    }

    @Test
    void readOnlyForADeviceThatIsNotStorageBlocksIt() throws Exception {
        ControlPolicy policy = ControlPolicy.of(JSON.readTree("{\"defaultAccess\": {\"printer\": \"read-only\"}}"));
        assertEquals("blocked", decide(policy, "printer").access());
    }

    private ControlPolicy.Decision decide(ControlPolicy policy, String preset) {
        return policy.decide(DeviceCatalogue.of(preset, random));
    }

    private static Map<String, String> defaults(JsonNode object) {
        Map<String, String> defaults = new HashMap<>();
        object.path("properties").fields().forEachRemaining(e -> defaults.put(e.getKey(),
                e.getValue().path("default").asText()));
        return defaults;
    }
}
