package org.garrison.agent.inventory;

import java.util.HashMap;
import java.util.Map;

/**
 * The operating system's identification on Linux ({@code /etc/os-release}, see os-release(5)): shell-style
 * {@code KEY=value} lines, values optionally quoted.
 */
record OsRelease(Map<String, String> fields) {

    /** Vendors of the common distributions by their {@code ID}; others are named by {@code NAME}. */
    private static final Map<String, String> VENDORS = Map.ofEntries(Map.entry("debian", "Debian"),
            Map.entry("ubuntu", "Canonical"), Map.entry("rhel", "Red Hat"), Map.entry("centos", "CentOS Project"),
            Map.entry("fedora", "Fedora Project"), Map.entry("rocky", "Rocky Enterprise Software Foundation"),
            Map.entry("almalinux", "AlmaLinux OS Foundation"), Map.entry("ol", "Oracle"),
            Map.entry("sles", "SUSE"), Map.entry("opensuse-leap", "SUSE"), Map.entry("opensuse-tumbleweed", "SUSE"),
            Map.entry("linuxmint", "Linux Mint"), Map.entry("arch", "Arch Linux"), Map.entry("alpine", "Alpine Linux"),
            Map.entry("amzn", "Amazon"));

    OsRelease {
        fields = Map.copyOf(fields);
    }

    static OsRelease parse(String text) {
        Map<String, String> fields = new HashMap<>();
        for (String line : text.split("\n")) {
            String trimmed = line.trim();
            int equals = trimmed.indexOf('=');
            if (trimmed.startsWith("#") || equals <= 0) {
                continue;
            }
            String value = trimmed.substring(equals + 1).trim();
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                    || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
            }
            fields.put(trimmed.substring(0, equals).trim(), value);
        }
        return new OsRelease(fields);
    }

    String name() {
        return fields.getOrDefault("PRETTY_NAME", fields.get("NAME"));
    }

    String version() {
        return fields.get("VERSION_ID");
    }

    String codename() {
        return fields.get("VERSION_CODENAME");
    }

    String vendor() {
        return VENDORS.getOrDefault(fields.getOrDefault("ID", ""), fields.get("NAME"));
    }
}
