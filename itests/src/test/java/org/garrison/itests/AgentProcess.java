package org.garrison.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The real Network Agent, run as an admin runs it: its runnable JAR with a configuration file of its own, here in
 * a test folder instead of /etc and /var/lib.
 */
final class AgentProcess implements AutoCloseable {

    private final Path folder;
    private final Path config;
    private Process running;

    AgentProcess(Path folder) throws IOException {
        this.folder = Files.createDirectories(folder);
        this.config = folder.resolve("agent.properties");
        Files.writeString(config, "data.dir = " + folder.resolve("data") + "\nbridge.port = "
                + GarrisonContainer.freePort() + "\nlog.level = info\ninventory.interval = 1\n",
                StandardCharsets.UTF_8);
    }

    /** {@code garrison-agent enroll}; returns the exit code, its output in {@link #output()}. */
    int enroll(String gateway, String token) throws Exception {
        Process enroll = builder(List.of("enroll", "--server", gateway, "--token", token, "--config", config.toString()))
                .start();
        if (!enroll.waitFor(2, TimeUnit.MINUTES)) {
            enroll.destroyForcibly();
            throw new AssertionError("garrison-agent enroll did not finish:\n" + output());
        }
        return enroll.exitValue();
    }

    /** {@code garrison-agent run}, in the background. */
    void start() throws IOException {
        running = builder(List.of("run", "--config", config.toString())).start();
    }

    /** {@code garrison-agent status --json}. */
    JsonNode status() throws Exception {
        Process status = new ProcessBuilder(command(List.of("status", "--json", "--config", config.toString())))
                .redirectErrorStream(false).start();
        byte[] out = status.getInputStream().readAllBytes();
        status.waitFor(1, TimeUnit.MINUTES);
        return TestAgent.JSON.readTree(out);
    }

    String output() throws IOException {
        Path log = folder.resolve("agent-output.log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    @Override
    public void close() throws Exception {
        if (running != null) {
            running.destroy();
            if (!running.waitFor(30, TimeUnit.SECONDS)) {
                running.destroyForcibly().waitFor();
            }
        }
    }

    private ProcessBuilder builder(List<String> arguments) {
        return new ProcessBuilder(command(arguments)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve("agent-output.log").toFile()));
    }

    private static List<String> command(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of(System.getProperty("garrison.test.servers.dir"), "agent-jar", "garrison-agent.jar")
                        .toString()));
        command.addAll(arguments);
        return command;
    }
}
