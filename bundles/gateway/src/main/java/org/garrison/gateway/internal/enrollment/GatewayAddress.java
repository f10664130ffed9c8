package org.garrison.gateway.internal.enrollment;

import java.util.List;

import org.garrison.gateway.internal.ca.GatewayCredentialsService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * Where agents reach the gateway: its port (read from the gateway's own configuration, PID {@value #PID}) and the
 * names its certificate carries. Admin tools show it next to new enrollment tokens.
 */
@Component(service = GatewayAddress.class, configurationPid = GatewayAddress.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class GatewayAddress {

    /** The gateway's configuration; its metatype belongs to the gateway's server. */
    static final String PID = "org.garrison.gateway";
    static final int DEFAULT_PORT = 13000;

    /** The one key of the gateway's configuration read here. */
    public @interface Config {
        int port() default DEFAULT_PORT;
    }

    private final GatewayCredentialsService credentials;
    private volatile int port;

    @Activate
    public GatewayAddress(@Reference GatewayCredentialsService credentials, Config config) {
        this.credentials = credentials;
        this.port = port(config);
    }

    /** For tests and callers outside OSGi. */
    public GatewayAddress(GatewayCredentialsService credentials, int port) {
        this.credentials = credentials;
        this.port = port;
    }

    @Modified
    void modified(Config config) {
        port = port(config);
    }

    public int port() {
        return port;
    }

    /** The names the gateway's certificate carries, the machine's host name first. */
    public List<String> serverNames() {
        return credentials.serverNames();
    }

    /**
     * The command that enrolls a machine with a token, for an admin to copy.
     *
     * @param host the server's host as the admin reaches it (e.g. from the console's address), or {@code null} for
     *             the machine's own host name
     */
    public String enrollCommand(String host, String token) {
        String name = host == null || host.isBlank() ? serverNames().get(0) : host;
        if (name.indexOf(':') >= 0 && !name.startsWith("[")) {
            name = "[" + name + "]";
        }
        return "garrison-agent enroll --server https://" + name + ":" + port + "/ --token " + token;
    }

    private static int port(Config config) {
        int configured = config.port();
        return configured >= 1 && configured <= 65535 ? configured : DEFAULT_PORT;
    }
}
