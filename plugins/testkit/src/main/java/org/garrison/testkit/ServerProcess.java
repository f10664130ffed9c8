package org.garrison.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The distribution's own launcher run as an admin runs it: {@code bin/karaf server} in the foreground of a child
 * process, everything it prints appended to {@code server-output.log}; stopped with {@code bin/stop}.
 */
final class ServerProcess {

    private static final String OUTPUT = "server-output.log";

    private final Path home;
    private final Path javaHome;
    private Process process;

    ServerProcess(Path home, Path javaHome) {
        this.home = home;
        this.javaHome = javaHome;
    }

    void start(Map<String, String> environment) throws IOException {
        ProcessBuilder builder = launcher("karaf", "server");
        builder.environment().putAll(environment);
        process = builder.start();
    }

    boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Stops the server with {@code bin/stop} and waits for it; ends it by force when it does not stop in time. */
    void stop() throws IOException, InterruptedException {
        if (process == null) {
            return;
        }
        if (process.isAlive()) {
            launcher("stop").start().waitFor(60, TimeUnit.SECONDS);
        }
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            kill();
            throw new TestKitException("The server did not stop within 90 s of bin/stop; it was killed");
        }
        process = null;
    }

    /** Ends the server at once: the launcher script and the JVM it started. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            process = null;
        }
    }

    /** What the server printed, and the warnings and errors of its log. */
    String output() {
        try {
            Path out = home.resolve(OUTPUT);
            Path log = home.resolve("data/log/karaf.log");
            String printed = Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "";
            String problems = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.contains("| WARN ") || line.contains("| ERROR") || line.startsWith("\t"))
                    .limit(400).collect(Collectors.joining("\n")) : "";
            return printed + "\n--- karaf.log (warnings and errors) ---\n" + problems;
        } catch (IOException e) {
            return "(the server's output cannot be read: " + e + ")";
        }
    }

    private ProcessBuilder launcher(String script, String... arguments) {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin").resolve(script).toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve(OUTPUT).toFile()));
        builder.environment().put("JAVA_HOME", javaHome.toString());
        return builder;
    }
}
