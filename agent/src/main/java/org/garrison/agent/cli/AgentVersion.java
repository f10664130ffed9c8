package org.garrison.agent.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The agent's version, as the build stamped it into {@code version.properties}. */
final class AgentVersion {

    static final String NAME = "garrison-agent";

    private AgentVersion() {
    }

    static String version() {
        try (InputStream in = AgentVersion.class.getResourceAsStream("/org/garrison/agent/version.properties")) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                String version = properties.getProperty("version");
                if (version != null && !version.isBlank() && !version.startsWith("$")) {
                    return version;
                }
            }
        } catch (IOException e) {
            // fall through: an agent built outside Maven still runs
        }
        return "0.0.0-dev";
    }

    static String userAgent() {
        return NAME + "/" + version();
    }
}
