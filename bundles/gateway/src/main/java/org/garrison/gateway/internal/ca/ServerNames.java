package org.garrison.gateway.internal.ca;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.util.IPAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The names the gateway's certificate carries: the machine's host name, {@code localhost}, the loopback addresses and
 * whatever the admin adds (e.g. the name agents reach the server by through a load balancer). Agents do not check host
 * names (they pin the authority), but other TLS clients and admins' tools do.
 */
public final class ServerNames {

    private static final Logger LOG = LoggerFactory.getLogger(ServerNames.class);

    private static final Pattern DNS_NAME = Pattern.compile(
            "(?=.{1,253}$)(\\*\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
    private static final List<String> ALWAYS = List.of("localhost", "127.0.0.1", "::1");

    private final List<String> names;

    private ServerNames(List<String> names) {
        this.names = List.copyOf(names);
    }

    /**
     * The local host name (when the machine knows one), the loopback names and the configured extra names. Entries
     * that are neither a DNS name nor an IP address are skipped with a warning.
     */
    public static ServerNames of(String[] configured) {
        Set<String> names = new LinkedHashSet<>();
        localHostName().ifPresent(names::add);
        names.addAll(ALWAYS);
        if (configured != null) {
            for (String entry : configured) {
                // a .cfg file gives "a, b" as one value: split it
                for (String part : (entry == null ? "" : entry).split("[,\\s]+")) {
                    String name = part.toLowerCase(Locale.ROOT);
                    if (name.isEmpty()) {
                        continue;
                    }
                    if (isAddress(name) || DNS_NAME.matcher(name).matches()) {
                        names.add(name);
                    } else {
                        LOG.warn("Ignoring server name '{}': neither a DNS name nor an IP address", part);
                    }
                }
            }
        }
        return new ServerNames(new ArrayList<>(names));
    }

    /** Every name, the host name first. */
    public List<String> names() {
        return names;
    }

    /** The name the certificate's subject carries: the first DNS name. */
    String commonName() {
        return names.stream().filter(name -> !isAddress(name)).findFirst().orElse("localhost");
    }

    /** The subject alternative names: DNS names and IP addresses, each in its own kind. */
    List<GeneralName> alternativeNames() {
        return names.stream().map(name -> new GeneralName(isAddress(name) ? GeneralName.iPAddress : GeneralName.dNSName,
                name)).toList();
    }

    private static boolean isAddress(String name) {
        return IPAddress.isValid(name);
    }

    private static java.util.Optional<String> localHostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
            return DNS_NAME.matcher(name).matches() ? java.util.Optional.of(name) : java.util.Optional.empty();
        } catch (UnknownHostException | SecurityException e) {
            LOG.info("The machine's host name is unknown ({}); the gateway certificate names only the configured "
                    + "names and localhost", e.getMessage());
            return java.util.Optional.empty();
        }
    }
}
