package org.garrison.api.agent;

import org.garrison.api.device.OsType;

/**
 * What an agent tells about its machine when it enrolls, so that an admin can recognise it in the list of agents
 * awaiting approval. The full inventory follows with the first sync.
 *
 * @param hostname     the machine's host name (required, 1–255 characters)
 * @param dnsDomain    its DNS domain, or {@code null}
 * @param osType       its operating system family, or {@code null}
 * @param osName       e.g. "Debian GNU/Linux 12 (bookworm)", or {@code null}
 * @param architecture e.g. "x86_64", or {@code null}
 * @param agentVersion the agent's version (required, 1–50 characters)
 */
public record HostFacts(String hostname, String dnsDomain, OsType osType, String osName, String architecture,
        String agentVersion) {
}
