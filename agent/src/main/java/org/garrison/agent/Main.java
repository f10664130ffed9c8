package org.garrison.agent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.garrison.agent.cli.Cli;
import org.garrison.agent.inventory.MachineInventory;

/**
 * {@code garrison-agent}: the Network Agent's entry point. Sets up logging (SLF4J simple, to standard error, which
 * systemd puts in the journal) before anything logs, then runs the command line.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        configureLogging(List.of(args));
        int code = new Cli(MachineInventory::new, Clock.systemUTC(), System.out, System.err).run(List.of(args));
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * The log level comes from {@code log.level} of the configuration file, read here already because SLF4J simple
     * fixes its level when the first logger is made. {@code GARRISON_AGENT_LOG_LEVEL} overrides it.
     */
    private static void configureLogging(List<String> args) {
        String level = System.getenv().getOrDefault("GARRISON_AGENT_LOG_LEVEL", levelFromConfig(args));
        setDefault("org.slf4j.simpleLogger.defaultLogLevel", level.toLowerCase(Locale.ROOT));
        setDefault("org.slf4j.simpleLogger.logFile", "System.err");
        setDefault("org.slf4j.simpleLogger.showDateTime", "true");
        setDefault("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
        setDefault("org.slf4j.simpleLogger.showShortLogName", "true");
        // the HTTP client's own logging is for its developers
        setDefault("org.slf4j.simpleLogger.log.org.apache.hc", "warn");
    }

    private static String levelFromConfig(List<String> args) {
        Path file = Path.of("/etc/garrison-agent/agent.properties");
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--config") && i + 1 < args.size()) {
                file = Path.of(args.get(i + 1));
            } else if (args.get(i).startsWith("--config=")) {
                file = Path.of(args.get(i).substring("--config=".length()));
            }
        }
        try (var reader = Files.newBufferedReader(file)) {
            Properties properties = new Properties();
            properties.load(reader);
            return properties.getProperty("log.level", "info").strip();
        } catch (Exception e) {
            // no or unreadable configuration: the command itself reports that
            return "info";
        }
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
