package org.garrison.plugins.endpointprotection.simulator;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Where threats turn up on the simulated device: the folders of its users and of the system, in the shape of the
 * operating system the simulator runs on.
 */
final class SimulatedMachine {

    private static final List<String> USERS = List.of("alice", "bob", "chen", "dmitri", "eva", "farid", "grace");

    private final boolean windows;
    private final List<String> users;

    SimulatedMachine(boolean windows, Random random) {
        this.windows = windows;
        int count = 1 + random.nextInt(3);
        int first = random.nextInt(USERS.size());
        this.users = IntStream.range(0, count).mapToObj(i -> USERS.get((first + i) % USERS.size()))
                .toList();
    }

    static SimulatedMachine ofThisSystem(Random random) {
        return new SimulatedMachine(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("windows"), random);
    }

    /** A plausible place for a file carrying the threat. */
    String pathOf(ThreatCatalogue.Threat threat, Random random) {
        if (threat.inMemory()) {
            return windows ? "\\\\.\\PhysicalDrive0 (boot sector)" : "/dev/sda (boot sector)";
        }
        String file = threat.fileNames().get(random.nextInt(threat.fileNames().size()));
        String user = users.get(random.nextInt(users.size()));
        List<String> folders = windows
                ? List.of("C:\\Users\\" + user + "\\Downloads", "C:\\Users\\" + user + "\\AppData\\Local\\Temp",
                        "C:\\Users\\" + user + "\\Documents", "C:\\ProgramData\\Updater", "E:\\")
                : List.of("/home/" + user + "/Downloads", "/home/" + user + "/.cache/mozilla/firefox",
                        "/home/" + user + "/Documents", "/tmp", "/var/www/html/uploads", "/media/" + user + "/USB");
        String folder = folders.get(random.nextInt(folders.size()));
        return folder + (windows ? (folder.endsWith("\\") ? "" : "\\") : "/") + file;
    }
}
