package org.garrison.devices.internal;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.garrison.api.device.Device;
import org.garrison.api.device.DeviceTag;
import org.garrison.api.device.MovingRuleConditions;

/**
 * Decides whether a device satisfies every condition of a moving rule.
 */
final class MovingRuleMatcher {

    private MovingRuleMatcher() {
    }

    /**
     * @param device       the device with its tags
     * @param applications the ids of the managed applications installed on it
     */
    static boolean matches(MovingRuleConditions conditions, Device device, Set<String> applications) {
        if (!conditions.tags().isEmpty()) {
            Set<String> tags = device.tags().stream().map(DeviceTag::name).map(Normalised::key)
                    .collect(Collectors.toSet());
            if (!conditions.tags().stream().map(Normalised::key).allMatch(tags::contains)) {
                return false;
            }
        }
        if (conditions.dnsNamePattern() != null && !glob(conditions.dnsNamePattern(), device.identity().dnsName())) {
            return false;
        }
        if (conditions.dnsDomainPattern() != null
                && !glob(conditions.dnsDomainPattern(), device.identity().dnsDomain())) {
            return false;
        }
        if (!conditions.ipv4Ranges().isEmpty()) {
            if (device.network().ipv4() == null) {
                return false;
            }
            long address = Normalised.ipv4(device.network().ipv4());
            if (conditions.ipv4Ranges().stream().map(Ipv4Range::parse).noneMatch(r -> r.contains(address))) {
                return false;
            }
        }
        if (!conditions.osTypes().isEmpty() && !conditions.osTypes().contains(device.os().type())) {
            return false;
        }
        if (conditions.osVersionPattern() != null && !glob(conditions.osVersionPattern(), device.os().version())) {
            return false;
        }
        if (conditions.osArchitecture() != null
                && !Normalised.key(conditions.osArchitecture()).equals(Normalised.key(device.os().architecture()))) {
            return false;
        }
        if (conditions.virtualMachine() != null
                && conditions.virtualMachine() != device.virtualisation().virtualMachine()) {
            return false;
        }
        return conditions.applicationInstalled() == null || applications.contains(conditions.applicationInstalled());
    }

    /** Whether a value matches a pattern with {@code *} and {@code ?}, case-insensitively; null never matches. */
    static boolean glob(String pattern, String value) {
        if (value == null) {
            return false;
        }
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.trim().toLowerCase(Locale.ROOT).toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.matches(regex.toString(), value.trim().toLowerCase(Locale.ROOT));
    }
}
