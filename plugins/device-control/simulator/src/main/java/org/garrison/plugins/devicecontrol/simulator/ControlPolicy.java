package org.garrison.plugins.devicecontrol.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The application's policy: the effective settings the agent gave it (the plugin's {@code schemas/settings.json}),
 * every setting not given taking the schema's default, and the decision it gives each device. In this order: a
 * trusted device is allowed; otherwise the first matching rule decides; otherwise a blocked bus blocks; otherwise the
 * class's default access applies.
 */
final class ControlPolicy {

    /** What the application decided for a device. */
    record Decision(String access, String decidedBy, String rule) {
    }

    /** The schema's defaults (SimulatorTest checks them against the plugin's schema). */
    static final Map<String, String> DEFAULT_CLASS_ACCESS = Map.of("removable-storage", "allow", "cd-dvd", "allow",
            "portable-device", "allow", "printer", "allow", "imaging", "allow", "bluetooth", "allow", "wifi-adapter",
            "allow", "modem", "block", "serial-port", "allow", "usb-other", "allow");
    static final Map<String, String> DEFAULT_BUS_ACCESS = Map.of("usb", "allow", "bluetooth", "allow", "pci", "allow",
            "thunderbolt", "allow", "firewire", "block", "serial", "allow");
    static final String DEFAULT_NOTIFICATION = "Your organisation's policy does not allow this device. Contact your "
            + "IT support if you need it.";

    private record Rule(String name, String deviceClass, String bus, String access) {
    }

    private record Trusted(Pattern vendor, Pattern product, Pattern serial) {
    }

    private final boolean logOnly;
    private final Map<String, String> classAccess;
    private final Map<String, String> busAccess;
    private final List<Rule> rules;
    private final List<Trusted> trusted;
    private final boolean notify;
    private final String notification;

    private ControlPolicy(boolean logOnly, Map<String, String> classAccess, Map<String, String> busAccess,
            List<Rule> rules, List<Trusted> trusted, boolean notify, String notification) {
        this.logOnly = logOnly;
        this.classAccess = classAccess;
        this.busAccess = busAccess;
        this.rules = rules;
        this.trusted = trusted;
        this.notify = notify;
        this.notification = notification;
    }

    /** What the application applies while it has no policy. */
    static ControlPolicy defaults() {
        return of(null);
    }

    /** The settings as the agent's bridge gives them ({@code null}: none, the defaults). */
    static ControlPolicy of(JsonNode settings) {
        JsonNode s = settings == null ? MissingNode.getInstance() : settings;
        List<Rule> rules = new ArrayList<>();
        for (JsonNode rule : s.path("rules")) {
            rules.add(new Rule(rule.path("name").asText(), text(rule, "deviceClass"), text(rule, "bus"),
                    rule.path("access").asText("block")));
        }
        List<Trusted> trusted = new ArrayList<>();
        for (JsonNode device : s.path("trustedDevices")) {
            trusted.add(new Trusted(mask(text(device, "vendorId")), mask(text(device, "productId")),
                    mask(text(device, "serialNumber"))));
        }
        return new ControlPolicy(s.path("logOnly").asBoolean(false), accesses(s.path("defaultAccess"),
                DEFAULT_CLASS_ACCESS), accesses(s.path("buses"), DEFAULT_BUS_ACCESS), List.copyOf(rules),
                List.copyOf(trusted), s.path("notification").path("enabled").asBoolean(true),
                s.path("notification").path("text").asText(DEFAULT_NOTIFICATION));
    }

    boolean logOnly() {
        return logOnly;
    }

    /** The text to show the user when a device is blocked or made read-only, or {@code null} for none. */
    String notification() {
        return notify ? notification : null;
    }

    Decision decide(AttachedDevice device) {
        for (Trusted t : trusted) {
            if (matches(t.vendor(), device.vendorId()) && matches(t.product(), device.productId())
                    && matches(t.serial(), device.serialNumber())) {
                return new Decision("allowed", "trusted-device", null);
            }
        }
        for (Rule rule : rules) {
            if ((rule.deviceClass() == null || rule.deviceClass().equals(device.deviceClass()))
                    && (rule.bus() == null || rule.bus().equals(device.bus()))) {
                return new Decision(access(rule.access(), device), "rule", rule.name());
            }
        }
        if ("block".equals(busAccess.get(device.bus()))) {
            return new Decision("blocked", "bus", null);
        }
        return new Decision(access(classAccess.getOrDefault(device.deviceClass(), "allow"), device), "class-default",
                null);
    }

    /**
     * A setting's access as applied to the device. Read-only exists for storage-like devices only (the schema makes
     * sure of it); should another device get it, it is blocked rather than left writable.
     */
    private static String access(String setting, AttachedDevice device) {
        return switch (setting) {
            case "allow" -> "allowed";
            case "read-only" -> device.storageLike() ? "read-only" : "blocked";
            default -> "blocked";
        };
    }

    private static Map<String, String> accesses(JsonNode given, Map<String, String> defaults) {
        Map<String, String> accesses = new LinkedHashMap<>(defaults);
        given.fields().forEachRemaining(e -> accesses.put(e.getKey(), e.getValue().asText()));
        return accesses;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
    }

    /** {@code *} any characters, {@code ?} one, case-insensitive; {@code null} matches anything. */
    static Pattern mask(String mask) {
        if (mask == null) {
            return null;
        }
        StringBuilder regex = new StringBuilder();
        for (char c : mask.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }

    private static boolean matches(Pattern mask, String value) {
        return mask == null || value != null && mask.matcher(value).matches();
    }
}
