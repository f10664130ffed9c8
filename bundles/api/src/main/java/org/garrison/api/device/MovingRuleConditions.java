package org.garrison.api.device;

import java.util.List;
import java.util.Set;

/**
 * What a device must satisfy for a moving rule to apply: every condition given must hold ({@code null} or empty
 * conditions are not checked; at least one must be given).
 *
 * @param tags                 the device has all these tags (any source, case-insensitive)
 * @param dnsNamePattern       the DNS name matches this pattern ({@code *} any characters, {@code ?} one;
 *                             case-insensitive)
 * @param dnsDomainPattern     the DNS domain matches this pattern
 * @param ipv4Ranges           the IPv4 address is in one of these ranges: CIDR ({@code 10.1.0.0/16}) or from-to
 *                             ({@code 10.1.0.10-10.1.0.99})
 * @param osTypes              the operating system family is one of these
 * @param osVersionPattern     the operating system version matches this pattern
 * @param osArchitecture       the operating system architecture is this one (case-insensitive)
 * @param virtualMachine       the device is ({@code true}) or is not ({@code false}) a virtual machine
 * @param applicationInstalled this managed application (id) is installed
 */
public record MovingRuleConditions(List<String> tags, String dnsNamePattern, String dnsDomainPattern,
        List<String> ipv4Ranges, Set<OsType> osTypes, String osVersionPattern, String osArchitecture,
        Boolean virtualMachine, String applicationInstalled) {

    public MovingRuleConditions {
        tags = tags == null ? List.of() : List.copyOf(tags);
        ipv4Ranges = ipv4Ranges == null ? List.of() : List.copyOf(ipv4Ranges);
        osTypes = osTypes == null ? Set.of() : Set.copyOf(osTypes);
    }
}
