package org.garrison.plugins.endpointprotection.simulator;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulator's command line.
 *
 * @param bridge           the agent's local bridge
 * @param secretFile       the agent's {@code bridge.secret}
 * @param seed             makes a run repeatable: the same seed plays the same machine and threats
 * @param cyclesPerMinute  how often the application looks for new threats and reports its state
 * @param duration         how long to run; {@link Duration#ZERO} until stopped
 * @param databasesAgeDays the age of the databases at start, or {@code null} for a fresh set (under two days)
 * @param pollInterval     how often the application asks the agent for instructions
 * @param scanDuration     how long a scan task runs
 */
public record SimulatorOptions(URI bridge, Path secretFile, long seed, double cyclesPerMinute, Duration duration,
        Integer databasesAgeDays, Duration pollInterval, Duration scanDuration) {

    static final String USAGE = """
            Usage: java -jar garrison-endpoint-protection-simulator-all.jar [options]

            Plays the Endpoint Protection application on this device, through the local bridge of the Garrison
            Network Agent running here.

              --bridge URL             the agent's local bridge (default http://127.0.0.1:13001)
              --data-dir DIR           the agent's data folder, holding bridge.secret (default /var/lib/garrison-agent)
              --secret-file FILE       the bridge secret file, if not in --data-dir
              --seed N                 repeat a run: the same seed plays the same machine (default: the clock)
              --rate N                 report cycles per minute (default 6; decimals allowed)
              --duration SECONDS       stop after this long (default 0: until Ctrl-C)
              --databases-age-days N   start with anti-virus databases this old (default: under two days)
              --poll SECONDS           ask the agent for instructions this often (default 5)
              --scan-seconds N         how long a scan task takes (default 5)
              --help                   this text
            """;

    /**
     * @throws IllegalArgumentException with a message for the user
     */
    public static SimulatorOptions parse(String... args) {
        URI bridge = URI.create("http://127.0.0.1:13001");
        Path dataDir = Path.of("/var/lib/garrison-agent");
        Path secretFile = null;
        long seed = System.currentTimeMillis();
        double rate = 6;
        Duration duration = Duration.ZERO;
        Integer databasesAge = null;
        Duration poll = Duration.ofSeconds(5);
        Duration scan = Duration.ofSeconds(5);
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String option = rest.remove(0);
            if (option.equals("--help")) {
                throw new HelpRequested();
            }
            if (rest.isEmpty()) {
                throw new IllegalArgumentException("Option " + option + " needs a value");
            }
            String value = rest.remove(0);
            switch (option) {
                case "--bridge" -> bridge = bridgeUri(value);
                case "--data-dir" -> dataDir = Path.of(value);
                case "--secret-file" -> secretFile = Path.of(value);
                case "--seed" -> seed = number(option, value);
                case "--rate" -> rate = positive(option, value);
                case "--duration" -> duration = Duration.ofSeconds(atLeast(option, value, 0));
                case "--databases-age-days" -> databasesAge = (int) atLeast(option, value, 0);
                case "--poll" -> poll = Duration.ofSeconds(atLeast(option, value, 1));
                case "--scan-seconds" -> scan = Duration.ofSeconds(atLeast(option, value, 0));
                default -> throw new IllegalArgumentException("Unknown option " + option);
            }
        }
        return new SimulatorOptions(bridge, secretFile != null ? secretFile : dataDir.resolve("bridge.secret"), seed,
                rate, duration, databasesAge, poll, scan);
    }

    /** The pause between two report cycles. */
    Duration cycle() {
        return Duration.ofMillis(Math.max(100, Math.round(60_000 / cyclesPerMinute)));
    }

    private static URI bridgeUri(String value) {
        URI uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("--bridge must be an http:// address, e.g. http://127.0.0.1:13001");
        }
        return uri;
    }

    private static long number(String option, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, not '" + value + "'");
        }
    }

    private static long atLeast(String option, String value, long minimum) {
        long number = number(option, value);
        if (number < minimum) {
            throw new IllegalArgumentException(option + " must be at least " + minimum);
        }
        return number;
    }

    private static double positive(String option, String value) {
        try {
            double number = Double.parseDouble(value);
            if (!(number > 0) || Double.isInfinite(number)) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a positive number, not '" + value + "'");
        }
    }

    /** {@code --help} was given. */
    static final class HelpRequested extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        HelpRequested() {
            super(USAGE);
        }
    }
}
