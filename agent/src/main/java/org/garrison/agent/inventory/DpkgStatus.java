package org.garrison.agent.inventory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import org.garrison.api.device.SoftwareEntry;

/**
 * The installed packages of a Debian-like system, read from dpkg's status database ({@code /var/lib/dpkg/status})
 * rather than through {@code dpkg-query}: one file read instead of a process, and no output format to depend on.
 *
 * <p>Packages of a foreign architecture (e.g. {@code libc6} for i386 on an amd64 system) are named
 * {@code package:architecture}, as dpkg names them, so each keeps its own registry entry.
 */
final class DpkgStatus {

    /** The states of a package whose files are on the machine and configured (triggers may still be pending). */
    private static final Set<String> INSTALLED = Set.of("installed", "triggers-pending", "triggers-awaited");

    /** The fields read; the others (descriptions, dependencies, conffiles) are skipped. */
    private static final Set<String> FIELDS = Set.of("Package", "Status", "Architecture", "Version", "Maintainer");

    private DpkgStatus() {
    }

    /**
     * The installed packages listed in a status file.
     *
     * @param installedAt when a package (name as dpkg names it, architecture) was installed or last changed, or
     *                    {@code null} if unknown
     */
    static List<SoftwareEntry> parse(Reader status, BiFunction<String, String, Instant> installedAt)
            throws IOException {
        List<Map<String, String>> packages = paragraphs(status);
        String nativeArchitecture = null;
        for (Map<String, String> fields : packages) {
            if ("dpkg".equals(fields.get("Package"))) {
                nativeArchitecture = fields.get("Architecture");
            }
        }
        List<SoftwareEntry> entries = new ArrayList<>();
        for (Map<String, String> fields : packages) {
            String name = fields.get("Package");
            String state = fields.getOrDefault("Status", "");
            String[] words = state.trim().split("\\s+");
            // The status is "want flag state"; only the state says what is on the machine (a package marked
            // for removal is still installed until it is removed).
            if (name == null || words.length != 3 || !INSTALLED.contains(words[2])) {
                continue;
            }
            String architecture = fields.get("Architecture");
            boolean foreign = architecture != null && nativeArchitecture != null && !architecture.equals("all")
                    && !architecture.equals(nativeArchitecture);
            String shownName = foreign ? name + ":" + architecture : name;
            entries.add(new SoftwareEntry(shownName, vendor(fields.get("Maintainer")), fields.get("Version"),
                    installedAt.apply(name, architecture), null));
        }
        return entries;
    }

    /** A maintainer without the e-mail address: {@code "Debian OpenSSL Team <pkg-openssl@…>"} → the team. */
    static String vendor(String maintainer) {
        if (maintainer == null) {
            return null;
        }
        int mail = maintainer.indexOf('<');
        String name = (mail >= 0 ? maintainer.substring(0, mail) : maintainer).trim();
        if (name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1).trim();
        }
        return name.isEmpty() ? null : name;
    }

    /** The stanzas of the file as field maps; continuation lines (multi-line fields) are not needed and skipped. */
    private static List<Map<String, String>> paragraphs(Reader status) throws IOException {
        List<Map<String, String>> paragraphs = new ArrayList<>();
        Map<String, String> current = new HashMap<>();
        BufferedReader lines = new BufferedReader(status);
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    paragraphs.add(current);
                    current = new HashMap<>();
                }
            } else if (line.charAt(0) != ' ' && line.charAt(0) != '\t') {
                int colon = line.indexOf(':');
                if (colon > 0 && FIELDS.contains(line.substring(0, colon))) {
                    current.put(line.substring(0, colon), line.substring(colon + 1).trim());
                }
            }
        }
        if (!current.isEmpty()) {
            paragraphs.add(current);
        }
        return paragraphs;
    }
}
