package org.garrison.itests;

import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;

import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;

/**
 * Pax Exam options that boot the built Garrison distribution as shipped, on free ports: the loopback HTTP
 * connector of etc/jetty.xml answers the tests (HTTPS is exercised by the restart test, which starts the server
 * through its own scripts).
 */
final class GarrisonContainer {

    /** The system property, set inside the container, carrying the HTTP port the tests call. */
    static final String HTTP_PORT = "garrison.http.port";

    private GarrisonContainer() {
    }

    /** The distribution with the first admin's password chosen in advance, as an automated install does. */
    static Option[] options() {
        Option[] base = optionsWithGeneratedAdminPassword();
        Option[] all = java.util.Arrays.copyOf(base, base.length + 1);
        all[base.length] = editConfigurationFilePut("etc/system.properties", "garrison.admin.password",
                Api.ADMIN_PASSWORD);
        return all;
    }

    /** The distribution as a first-time admin starts it: the first admin's password is generated. */
    static Option[] optionsWithGeneratedAdminPassword() {
        String localRepository = System.getProperty("org.ops4j.pax.url.mvn.localRepository");
        return new Option[] {
            karafDistributionConfiguration()
                    .frameworkUrl(maven("org.garrison", "garrison-server").type("tar.gz").versionAsInProject())
                    .unpackDirectory(new File("target/exam"))
                    .name("Garrison")
                    .useDeployFolder(false),
            keepRuntimeFolder(),
            configureConsole().ignoreLocalConsole(),
            logLevel(LogLevel.INFO),
            editConfigurationFilePut("etc/system.properties", HTTP_PORT, String.valueOf(freePort())),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.secure.enabled", "false"),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(freePort())),
            editConfigurationFilePut("etc/org.garrison.gateway.cfg", "port", String.valueOf(freePort())),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                    localRepository),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg",
                    "org.ops4j.pax.url.mvn.useFallbackRepositories", "false"),
        };
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
