package org.garrison.sessions.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Set;

/**
 * The address a sign-in came from. Behind a reverse proxy every connection comes from the proxy, which would make
 * the per-address back-off refuse everybody at once, and (for a proxy on the same machine) make every attempt look
 * local; so for connections from a trusted proxy the client is the right-most {@code X-Forwarded-For} entry that is
 * not itself a trusted proxy. Headers from anybody else are ignored: they are trivial to forge.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    /**
     * @param remoteAddress the connection's peer address
     * @param forwardedFor  the {@code X-Forwarded-For} header, or {@code null}
     * @param trusted       the trusted proxies' addresses, normalised
     */
    public static String of(String remoteAddress, String forwardedFor, Set<String> trusted) {
        if (remoteAddress == null || trusted.isEmpty() || !trusted.contains(normalise(remoteAddress))
                || forwardedFor == null || forwardedFor.isBlank()) {
            return remoteAddress;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !trusted.contains(normalise(hop))) {
                return hop.length() > 64 ? hop.substring(0, 64) : hop;
            }
        }
        return remoteAddress;
    }

    /** Whether the address is this machine's own (the local-only connector, an SSH session from the server). */
    static boolean isLoopback(String address) {
        InetAddress parsed = address == null ? null : parse(address);
        return parsed != null && parsed.isLoopbackAddress();
    }

    /** The canonical text of an IP address literal (so {@code ::1} and {@code 0:0:0:0:0:0:0:1} match). */
    static String normalise(String address) {
        InetAddress parsed = parse(address);
        return parsed != null ? parsed.getHostAddress() : unbracketed(address);
    }

    /** The address a literal stands for, or {@code null} for anything else (host names are never resolved). */
    private static InetAddress parse(String address) {
        String literal = unbracketed(address.strip());
        if (literal.isEmpty() || !literal.matches("[0-9a-fA-F:.%]+")) {
            return null;
        }
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException notAnAddress) {
            return null;
        }
    }

    private static String unbracketed(String address) {
        return address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1)
                : address;
    }
}
