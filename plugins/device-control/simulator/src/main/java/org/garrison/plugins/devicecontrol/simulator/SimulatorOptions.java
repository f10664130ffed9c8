package org.garrison.plugins.devicecontrol.simulator;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The simulator's command line.
 *
 * @param bridge          the agent's local bridge
 * @param secretFile      the agent's {@code bridge.secret}
 * @param seed            makes a run repeatable: the same seed plays the same serial numbers and random devices
 * @param cyclesPerMinute how often a user attaches or detaches a random device; 0: only the devices of --attach
 * @param duration        how long to run; {@link Duration#ZERO} until stopped
 * @param attach          descriptions of the devices attached at start (see {@link DeviceCatalogue#parse})
 * @param user            the account signed in on the device, or {@code null} for nobody
 * @param pollInterval    how often the application asks the agent for instructions
 * @param policyInterval  how often the application asks the agent for its policy
 */
public record SimulatorOptions(URI bridge, Path secretFile, long seed, double cyclesPerMinute, Duration duration,
        List<String> attach, String user, Duration pollInterval, Duration policyInterval) {

    static final String USAGE = """
            Usage: java -jar garrison-device-control-simulator-all.jar [options]

            Plays the Device Control application on this device, through the local bridge of the Garrison Network
            Agent running here: attaches external devices, applies the policy the agent received to each, and reports
            what is connected, its decisions and the devices it blocks.

              --bridge URL            the agent's local bridge (default http://127.0.0.1:13001)
              --data-dir DIR          the agent's data folder, holding bridge.secret (default /var/lib/garrison-agent)
              --secret-file FILE      the bridge secret file, if not in --data-dir
              --attach DEVICE         attach this device at start; repeatable. DEVICE is a preset (usb-stick,
                                      usb-disk, card-reader, firewire-disk, cd-drive, phone, printer, webcam, scanner,
                                      headset, wifi-dongle, lte-modem, serial-adapter, keyboard, thunderbolt-dock),
                                      optionally followed by ,serial=S ,name=N ,vendor=HHHH ,product=HHHH, or
                                      class=C,bus=B,name=N[,vendor=...,product=...,serial=...]
              --user ACCOUNT          the account signed in on the device (default: the one running the simulator;
                                      "none" for nobody)
              --seed N                repeat a run: the same seed plays the same serial numbers (default: the clock)
              --rate N                a user attaches or detaches a random device N times a minute (default 0: only
                                      the devices of --attach; decimals allowed)
              --duration SECONDS      stop after this long (default 0: until Ctrl-C)
              --poll SECONDS          ask the agent for instructions this often (default 5)
              --policy-poll SECONDS   ask the agent for the policy this often (default 5)
              --help                  this text
            """;

    /**
     * @throws IllegalArgumentException with a message for the user
     */
    public static SimulatorOptions parse(String... args) {
        URI bridge = URI.create("http://127.0.0.1:13001");
        Path dataDir = Path.of("/var/lib/garrison-agent");
        Path secretFile = null;
        long seed = System.currentTimeMillis();
        double rate = 0;
        Duration duration = Duration.ZERO;
        List<String> attach = new ArrayList<>();
        String user = System.getProperty("user.name");
        Duration poll = Duration.ofSeconds(5);
        Duration policy = Duration.ofSeconds(5);
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
                case "--attach" -> attach.add(value);
                case "--user" -> user = user(value);
                case "--seed" -> seed = number(option, value);
                case "--rate" -> rate = notNegative(option, value);
                case "--duration" -> duration = Duration.ofSeconds(atLeast(option, value, 0));
                case "--poll" -> poll = Duration.ofSeconds(atLeast(option, value, 1));
                case "--policy-poll" -> policy = Duration.ofSeconds(atLeast(option, value, 1));
                default -> throw new IllegalArgumentException("Unknown option " + option);
            }
        }
        // a description that names no device is refused now, not when the simulator has started
        attach.forEach(description -> DeviceCatalogue.parse(description, new Random(0)));
        return new SimulatorOptions(bridge, secretFile != null ? secretFile : dataDir.resolve("bridge.secret"), seed,
                rate, duration, List.copyOf(attach), user, poll, policy);
    }

    /** The pause between two random attach or detach cycles, or {@code null} when there are none. */
    Duration cycle() {
        return cyclesPerMinute == 0 ? null : Duration.ofMillis(Math.max(100, Math.round(60_000 / cyclesPerMinute)));
    }

    private static String user(String value) {
        if (value.equals("none")) {
            return null;
        }
        if (value.isBlank() || value.length() > 255) {
            throw new IllegalArgumentException("--user must be 1-255 characters, or none");
        }
        return value;
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

    private static double notNegative(String option, String value) {
        try {
            double number = Double.parseDouble(value);
            if (!(number >= 0) || Double.isInfinite(number)) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number of 0 or more, not '" + value + "'");
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
