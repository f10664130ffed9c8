package org.garrison.agent.inventory;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.garrison.api.device.SoftwareEntry;

import oshi.software.os.ApplicationInfo;
import oshi.software.os.OperatingSystem;

/**
 * The installed software from the machine's own package registry: dpkg's status file and/or rpm on Linux, the
 * uninstall registry (Windows) or the application bundles (macOS) through OSHI elsewhere.
 */
final class SoftwareRegistry {

    private static final Path DPKG_STATUS = Path.of("/var/lib/dpkg/status");
    private static final Path DPKG_INFO = Path.of("/var/lib/dpkg/info");
    private static final Duration RPM_TIMEOUT = Duration.ofSeconds(20);

    private SoftwareRegistry() {
    }

    /**
     * The Linux packages, or empty when no supported package manager is present or one failed: then nothing is
     * known, which is not the same as nothing installed.
     */
    static Optional<List<SoftwareEntry>> linux() throws IOException {
        boolean dpkg = Files.isReadable(DPKG_STATUS);
        boolean rpm = Files.isExecutable(Path.of("/usr/bin/rpm")) || Files.isExecutable(Path.of("/bin/rpm"));
        if (!dpkg && !rpm) {
            return Optional.empty();
        }
        List<SoftwareEntry> entries = new ArrayList<>();
        if (dpkg) {
            try (Reader status = Files.newBufferedReader(DPKG_STATUS, StandardCharsets.UTF_8)) {
                entries.addAll(DpkgStatus.parse(status, SoftwareRegistry::dpkgInstalledAt));
            }
        }
        if (rpm) {
            Optional<List<SoftwareEntry>> packages = RpmPackages.query(RPM_TIMEOUT);
            if (packages.isEmpty()) {
                return Optional.empty();
            }
            entries.addAll(packages.get());
        }
        return Optional.of(entries);
    }

    /** When dpkg last installed or changed a package: the time of its file list, as {@code db-fsys:Last-Modified}. */
    private static Instant dpkgInstalledAt(String name, String architecture) {
        Path list = DPKG_INFO.resolve(name + ".list");
        if (!Files.exists(list)) {
            // Packages installable for several architectures keep their list under "name:architecture".
            list = DPKG_INFO.resolve(name + ":" + architecture + ".list");
        }
        try {
            return Files.getLastModifiedTime(list).toInstant().truncatedTo(ChronoUnit.SECONDS);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The applications OSHI finds in the Windows uninstall registry or the macOS application folders. On macOS OSHI
     * runs {@code system_profiler}, which can take long and has no time limit of its own: the listing runs on its own
     * thread and counts as failed after {@code timeout}.
     */
    static List<SoftwareEntry> fromOshi(OperatingSystem os, Duration timeout) throws IOException {
        CompletableFuture<List<ApplicationInfo>> listing = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                listing.complete(os.getInstalledApplications());
            } catch (RuntimeException | LinkageError e) {
                listing.completeExceptionally(e);
            }
        }, "garrison-installed-applications");
        thread.setDaemon(true);
        thread.start();
        List<ApplicationInfo> applications;
        try {
            applications = listing.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while listing the installed applications", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("could not list the installed applications: " + e, e);
        }
        List<SoftwareEntry> entries = new ArrayList<>();
        for (ApplicationInfo application : applications) {
            entries.add(new SoftwareEntry(application.getName(), Placeholders.orNull(application.getVendor()),
                    Placeholders.orNull(application.getVersion()),
                    application.getTimestamp() > 0
                            ? Instant.ofEpochMilli(application.getTimestamp()).truncatedTo(ChronoUnit.SECONDS) : null,
                    location(application.getAdditionalInfo())));
        }
        return entries;
    }

    private static String location(Map<String, String> info) {
        for (Map.Entry<String, String> entry : info.entrySet()) {
            if (entry.getKey().toLowerCase(Locale.ROOT).contains("location")) {
                return Placeholders.orNull(entry.getValue());
            }
        }
        return null;
    }
}
