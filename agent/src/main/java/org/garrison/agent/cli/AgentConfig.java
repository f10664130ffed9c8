package org.garrison.agent.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import org.garrison.agent.outbox.OutboxOptions;

/**
 * The agent's configuration, {@code agent.properties} (see {@code src/main/dist/agent.properties} and docs/agent.md).
 * Every key is optional; the command line overrides the data folder.
 *
 * @param serverUrl         {@code server.url}: the gateway for {@code enroll} when {@code --server} is not given
 * @param dataFolder        {@code data.dir}: identity, outbox and state (default {@code /var/lib/garrison-agent})
 * @param bridgeEnabled     {@code bridge.enabled}: whether the local bridge runs (default true)
 * @param bridgePort        {@code bridge.port}: the local bridge's port on 127.0.0.1 (default 13001)
 * @param logLevel          {@code log.level}: error, warn, info, debug or trace (default info)
 * @param longestSyncWait   {@code sync.interval.max}: the longest wait between syncs in seconds, whatever the server
 *                          says (default 3600)
 * @param inventoryInterval {@code inventory.interval}: minutes between inventory collections (default 15)
 * @param outboxMaxBytes    {@code outbox.max.mb}: the outbox's cap in MB (default 200)
 * @param wakeEnabled       {@code wake.enabled}: whether the wake channel is kept open (default true)
 */
record AgentConfig(String serverUrl, Path dataFolder, boolean bridgeEnabled, int bridgePort, String logLevel,
        Duration longestSyncWait, Duration inventoryInterval, long outboxMaxBytes, boolean wakeEnabled) {

    static final Path DEFAULT_FILE = Path.of("/etc/garrison-agent/agent.properties");
    static final Path DEFAULT_DATA = Path.of("/var/lib/garrison-agent");

    private static final Set<String> KEYS = Set.of("server.url", "data.dir", "bridge.enabled", "bridge.port",
            "log.level", "sync.interval.max", "inventory.interval", "outbox.max.mb", "wake.enabled");
    private static final Set<String> LEVELS = Set.of("error", "warn", "info", "debug", "trace");

    /**
     * Reads the configuration: {@code explicit} if given (it must exist), else the default file if it exists, else
     * the defaults.
     */
    static AgentConfig load(Optional<Path> explicit) throws CliFailure {
        Properties properties = new Properties();
        Path file = explicit.orElse(DEFAULT_FILE);
        if (explicit.isPresent() || Files.exists(file)) {
            if (!Files.isReadable(file)) {
                throw CliFailure.usage("The configuration file " + file + " does not exist or cannot be read");
            }
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                throw CliFailure.usage("The configuration file " + file + " cannot be read: " + e.getMessage());
            }
        }
        for (String key : properties.stringPropertyNames()) {
            if (!KEYS.contains(key)) {
                throw CliFailure.usage("Unknown key '" + key + "' in " + file + "; known keys: " + KEYS);
            }
        }
        String level = properties.getProperty("log.level", "info").strip().toLowerCase(Locale.ROOT);
        if (!LEVELS.contains(level)) {
            throw CliFailure.usage("log.level must be one of " + LEVELS + ", not " + level);
        }
        return new AgentConfig(
                blankToNull(properties.getProperty("server.url")),
                Path.of(properties.getProperty("data.dir", DEFAULT_DATA.toString()).strip()),
                bool(properties, "bridge.enabled", true),
                (int) number(properties, "bridge.port", 13001, 1, 65535),
                level,
                Duration.ofSeconds(number(properties, "sync.interval.max", 3600, 10, 86_400)),
                Duration.ofMinutes(number(properties, "inventory.interval", 15, 1, 1440)),
                number(properties, "outbox.max.mb", OutboxOptions.DEFAULT_MAX_BYTES / (1024 * 1024), 1, 100_000)
                        * 1024 * 1024,
                bool(properties, "wake.enabled", true));
    }

    AgentConfig withDataFolder(Path folder) {
        return new AgentConfig(serverUrl, folder, bridgeEnabled, bridgePort, logLevel, longestSyncWait,
                inventoryInterval, outboxMaxBytes, wakeEnabled);
    }

    private static long number(Properties properties, String key, long fallback, long min, long max)
            throws CliFailure {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long number = Long.parseLong(value.strip());
            if (number < min || number > max) {
                throw CliFailure.usage(key + " must be between " + min + " and " + max + ", not " + value.strip());
            }
            return number;
        } catch (NumberFormatException e) {
            throw CliFailure.usage(key + " must be a whole number, not " + value.strip());
        }
    }

    private static boolean bool(Properties properties, String key, boolean fallback) throws CliFailure {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw CliFailure.usage(key + " must be true or false, not " + value.strip());
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
