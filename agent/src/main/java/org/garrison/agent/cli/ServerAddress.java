package org.garrison.agent.cli;

import java.net.URI;
import java.net.URISyntaxException;

/** The gateway's address as the admin types it: {@code https://host[:port]}, the port 13000 when left out. */
final class ServerAddress {

    static final int DEFAULT_PORT = 13000;

    private ServerAddress() {
    }

    static URI parse(String text) throws CliFailure {
        try {
            URI uri = new URI(text.strip());
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                throw CliFailure.usage("The server address must look like https://garrison.example.com:13000, not "
                        + text);
            }
            int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
            return new URI("https", null, uri.getHost(), port, null, null, null);
        } catch (URISyntaxException e) {
            throw CliFailure.usage("The server address is not a URL: " + text);
        }
    }
}
