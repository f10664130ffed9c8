package org.garrison.api.device;

import java.util.List;

/**
 * A device's network addresses.
 *
 * @param ipv4            the main IPv4 address in dotted form, or {@code null}
 * @param ipv6            the main IPv6 address, or {@code null}
 * @param networkLocation the network location (e.g. the site or connection profile), or {@code null}
 * @param macAddresses    the MAC addresses of its network adapters, as {@code aa:bb:cc:dd:ee:ff}
 */
public record DeviceNetwork(String ipv4, String ipv6, String networkLocation, List<String> macAddresses) {

    public DeviceNetwork {
        macAddresses = macAddresses == null ? List.of() : List.copyOf(macAddresses);
    }

    /** A network with nothing known. */
    public static DeviceNetwork unknown() {
        return new DeviceNetwork(null, null, null, List.of());
    }
}
