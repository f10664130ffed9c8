package org.garrison.agent.transport;

import java.net.URI;
import java.time.Duration;

import org.garrison.agent.identity.GatewayTls;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Opens connections to the gateway with the agent's JSON dialect, User-Agent and timeouts: one kind for ordinary
 * requests (enroll, sync, renew) and one for the wake channel's long poll.
 *
 * @param json           the protocol's JSON mapper
 * @param userAgent      {@code <name>/<version>}
 * @param connectTimeout the longest wait for a connection
 * @param requestTimeout the longest wait for the answer to an ordinary request
 * @param wakeTimeout    the longest wait for the answer to a wake poll (longer than the poll's own timeout)
 */
public record GatewayChannels(ObjectMapper json, String userAgent, Duration connectTimeout, Duration requestTimeout,
        Duration wakeTimeout) {

    /** The agent's defaults: 15 s to connect, 60 s per request, 300 s for a wake poll of 240 s. */
    public static GatewayChannels defaults(ObjectMapper json, String userAgent) {
        return new GatewayChannels(json, userAgent, Duration.ofSeconds(15), Duration.ofSeconds(60),
                Duration.ofSeconds(300));
    }

    public GatewayChannel forRequests(URI server, GatewayTls tls) {
        return new GatewayChannel(server, tls, json, userAgent, connectTimeout, requestTimeout);
    }

    public GatewayChannel forWake(URI server, GatewayTls tls) {
        return new GatewayChannel(server, tls, json, userAgent, connectTimeout, wakeTimeout);
    }
}
