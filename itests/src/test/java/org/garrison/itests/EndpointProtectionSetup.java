package org.garrison.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * What {@link EndpointProtectionIT} (and, naming its own sample, {@link DeviceControlIT}) runs: a never-run copy of
 * the distribution whose gateway asks agents to sync every 10 seconds, the sample plugin's JAR and the simulator of
 * its application (both copied by the itests build into {@code <sample>-jars/}), and the simulator as a process of
 * its own, as an admin runs it next to an agent.
 */
final class EndpointProtectionSetup {

    private static final String NAME = "endpoint-protection";

    private EndpointProtectionSetup() {
    }

    /** The never-run distribution the build unpacked for this test, with a short sync interval for the agents. */
    static Path server() throws Exception {
        return server(NAME);
    }

    /** The same for another sample plugin: the distribution the build unpacked under its name. */
    static Path server(String sample) throws Exception {
        Path home = ServerProcess.unpacked(sample);
        Path gateway = home.resolve("etc/org.garrison.gateway.cfg");
        Files.writeString(gateway, Files.readString(gateway, StandardCharsets.UTF_8)
                .replaceAll("(?m)^syncInterval\\s*=.*$", "") + "\nsyncInterval = 10\n", StandardCharsets.UTF_8);
        return home;
    }

    /** The plugin JAR as the build made it. */
    static byte[] pluginJar() throws IOException {
        return pluginJar(NAME);
    }

    /** Another sample plugin's JAR, {@code <sample>-jars/<sample>.jar}. */
    static byte[] pluginJar(String sample) throws IOException {
        return Files.readAllBytes(jars(sample).resolve(sample + ".jar"));
    }

    /** The agent's local bridge address, from the configuration {@link AgentProcess} wrote into its folder. */
    static String bridge(Path agentFolder) throws IOException {
        Properties config = new Properties();
        try (var in = Files.newInputStream(agentFolder.resolve("agent.properties"))) {
            config.load(in);
        }
        return "http://127.0.0.1:" + config.getProperty("bridge.port").strip();
    }

    /** The simulator of the plugin's application, run with {@code java -jar} against an agent's bridge. */
    static final class Simulator implements AutoCloseable {

        private final Path output;
        private final Process process;

        Simulator(Path agentFolder, String... options) throws IOException {
            this(NAME, agentFolder, options);
        }

        /** The simulator of another sample plugin, {@code <sample>-jars/<sample>-simulator.jar}. */
        Simulator(String sample, Path agentFolder, String... options) throws IOException {
            output = agentFolder.resolve(sample + "-simulator-output.log");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-jar", jars(sample).resolve(sample + "-simulator.jar").toString(), "--bridge",
                    bridge(agentFolder), "--data-dir", agentFolder.resolve("data").toString()));
            command.addAll(List.of(options));
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
        }

        String output() throws IOException {
            return Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
        }

        boolean running() {
            return process.isAlive();
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static Path jars(String sample) {
        return Path.of(System.getProperty("garrison.test.servers.dir"), sample + "-jars");
    }
}
