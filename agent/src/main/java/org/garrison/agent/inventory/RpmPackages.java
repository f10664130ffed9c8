package org.garrison.agent.inventory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.garrison.api.device.SoftwareEntry;

/** The installed packages of an RPM-based system, as {@code rpm -qa} lists them. */
final class RpmPackages {

    /** Name, version-release, vendor, install time (epoch seconds), one package per line. */
    static final List<String> QUERY = List.of("rpm", "-qa", "--qf",
            "%{NAME}\\t%{VERSION}-%{RELEASE}\\t%{VENDOR}\\t%{INSTALLTIME}\\n");

    private RpmPackages() {
    }

    /** The packages, or empty if rpm could not be run. */
    static Optional<List<SoftwareEntry>> query(Duration timeout) {
        return ExternalCommand.run(timeout, QUERY).map(RpmPackages::parse);
    }

    /** Parses the output of {@link #QUERY}; the pseudo-packages holding imported signing keys are left out. */
    static List<SoftwareEntry> parse(String output) {
        List<SoftwareEntry> entries = new ArrayList<>();
        for (String line : output.split("\n")) {
            String[] fields = line.split("\t", -1);
            if (fields.length < 4 || fields[0].isBlank() || fields[0].equals("gpg-pubkey")) {
                continue;
            }
            entries.add(new SoftwareEntry(fields[0], known(fields[2]), known(fields[1]), time(fields[3]), null));
        }
        return entries;
    }

    /** rpm prints {@code (none)} for a missing tag. */
    private static String known(String value) {
        return value.isBlank() || value.contains("(none)") ? null : value;
    }

    private static Instant time(String seconds) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(seconds.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
