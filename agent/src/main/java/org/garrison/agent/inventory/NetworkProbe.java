package org.garrison.agent.inventory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.garrison.api.device.DeviceNetwork;

/**
 * The machine's addresses: the main IPv4 and IPv6 addresses are those of the adapter that holds the default route
 * (the one the server sees the machine through), the MAC addresses those of every adapter.
 */
final class NetworkProbe {

    /**
     * One network adapter as the probe needs it.
     *
     * @param name        the system's name of the adapter, e.g. "eth0"
     * @param mac         its MAC address as reported, or {@code null}
     * @param ipv4        its IPv4 addresses
     * @param prefixes    the prefix length of each IPv4 address
     * @param ipv6        its IPv6 addresses
     */
    record Adapter(String name, String mac, List<String> ipv4, List<Short> prefixes, List<String> ipv6) {
    }

    private NetworkProbe() {
    }

    /** Whether an adapter is a loopback or the host end of a container's virtual cable, which come and go. */
    static boolean ephemeral(Adapter adapter) {
        String name = adapter.name().toLowerCase(Locale.ROOT);
        return name.equals("lo") || name.startsWith("loopback") || name.startsWith("veth");
    }

    /**
     * @param defaultInterface the name of the adapter of the default route if the system tells it, or {@code null}
     * @param defaultGateway   the default IPv4 gateway, used to find that adapter otherwise, or {@code null}
     */
    static DeviceNetwork network(List<Adapter> adapters, String defaultInterface, String defaultGateway) {
        List<Adapter> candidates = adapters.stream().filter(adapter -> !ephemeral(adapter)).toList();
        Adapter main = candidates.stream().filter(adapter -> adapter.name().equals(defaultInterface)).findFirst()
                .or(() -> candidates.stream().filter(adapter -> routes(adapter, defaultGateway)).findFirst())
                .or(() -> candidates.stream().filter(adapter -> !usableIpv4(adapter).isEmpty()).findFirst())
                .orElse(null);
        TreeSet<String> macs = new TreeSet<>();
        for (Adapter adapter : candidates) {
            String mac = ReportLimits.mac(adapter.mac());
            if (mac != null) {
                macs.add(mac);
            }
        }
        String ipv4 = main == null ? null : usableIpv4(main).stream().findFirst().orElse(null);
        String ipv6 = main == null ? null : mainIpv6(main.ipv6());
        return new DeviceNetwork(ipv4, ipv6, null, new ArrayList<>(macs));
    }

    /** Whether the gateway is in one of the adapter's IPv4 subnets. */
    static boolean routes(Adapter adapter, String gateway) {
        if (gateway == null || !ReportLimits.isIpv4(gateway)) {
            return false;
        }
        long target = ipv4(gateway);
        for (int i = 0; i < adapter.ipv4().size(); i++) {
            String address = adapter.ipv4().get(i);
            int prefix = i < adapter.prefixes().size() && adapter.prefixes().get(i) != null
                    ? adapter.prefixes().get(i) : 32;
            if (ReportLimits.isIpv4(address) && prefix > 0 && prefix <= 32) {
                long mask = (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
                if ((ipv4(address) & mask) == (target & mask)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> usableIpv4(Adapter adapter) {
        return adapter.ipv4().stream()
                .filter(address -> ReportLimits.isIpv4(address) && !address.startsWith("127.")
                        && !address.startsWith("169.254.") && !address.equals("0.0.0.0"))
                .toList();
    }

    /** A global address if there is one, else a unique-local one, else a link-local one; without zone. */
    static String mainIpv6(List<String> addresses) {
        String uniqueLocal = null;
        String linkLocal = null;
        for (String address : addresses) {
            String plain = address.contains("%") ? address.substring(0, address.indexOf('%')) : address;
            String lower = plain.toLowerCase(Locale.ROOT);
            if (lower.isEmpty() || lower.equals("::1") || lower.equals("::")) {
                continue;
            }
            lower = compressed(lower);
            if (lower.startsWith("fe80:")) {
                linkLocal = linkLocal == null ? lower : linkLocal;
            } else if (lower.startsWith("fc") || lower.startsWith("fd")) {
                uniqueLocal = uniqueLocal == null ? lower : uniqueLocal;
            } else {
                return lower;
            }
        }
        return uniqueLocal != null ? uniqueLocal : linkLocal;
    }

    /**
     * An IPv6 address in its canonical text form (RFC 5952): OSHI and Java print all eight groups in full, e.g.
     * {@code fd00:0:0:0:0:0:0:2} for {@code fd00::2}. Text that is not eight hex groups is returned as it is.
     */
    static String compressed(String address) {
        String[] groups = address.split(":", -1);
        if (groups.length != 8) {
            return address;
        }
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < 8; i++) {
            if (!groups[i].chars().allMatch(c -> Character.digit(c, 16) >= 0) || groups[i].isEmpty()
                    || groups[i].length() > 4) {
                return address;
            }
            groups[i] = Integer.toHexString(Integer.parseInt(groups[i], 16));
        }
        for (int i = 0; i < 8; i++) {
            int length = 0;
            while (i + length < 8 && groups[i + length].equals("0")) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
        }
        if (bestLength < 2) {
            return String.join(":", groups);
        }
        String head = String.join(":", Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", Arrays.copyOfRange(groups, bestStart + bestLength, 8));
        return head + "::" + tail;
    }

    /**
     * The adapter of the IPv4 default route in the kernel's routing table ({@code /proc/net/route} on Linux:
     * a header line, then interface, destination and gateway in hex, flags, ..., mask), or {@code null}.
     */
    static String defaultRouteInterface(String routeTable) {
        String[] lines = routeTable.split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] fields = lines[i].trim().split("\\s+");
            if (fields.length >= 8 && fields[1].equals("00000000") && fields[7].equals("00000000")) {
                return fields[0];
            }
        }
        return null;
    }

    private static long ipv4(String address) {
        long value = 0;
        for (String part : address.split("\\.")) {
            value = value << 8 | Integer.parseInt(part);
        }
        return value;
    }
}
