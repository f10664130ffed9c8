package org.garrison.plugins.endpointprotection.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.garrison.api.device.ApplicationComponent;
import org.garrison.api.device.ApplicationState;
import org.garrison.api.device.ApplicationStatusReport;
import org.garrison.api.device.InstalledApplication;
import org.garrison.api.device.LicenceKey;
import org.garrison.api.device.ProtectionState;
import org.garrison.api.device.StatusLevel;
import org.garrison.plugins.endpointprotection.internal.reports.LicenceKeyReport;
import org.garrison.plugins.endpointprotection.internal.reports.LicenceReport;
import org.garrison.plugins.endpointprotection.internal.reports.ScanStatus;
import org.garrison.plugins.endpointprotection.internal.store.StoredScanState;

/**
 * The device's Endpoint Protection entry in the core's installed applications, derived from the plugin's tables:
 * protection state, last full scan, threat counts, components and licence keys, plus the device-status reasons and
 * tags the plugin sets. What the application says about itself through the agent (name, version, running state,
 * install date and id, and any reasons or tags of its own) is kept; the reasons and tags listed here are the
 * plugin's, recomputed every time.
 */
public final class ApplicationStateRules {

    public static final String OBJECTS_NOT_DISINFECTED = "OBJECTS_NOT_DISINFECTED";
    public static final String DATABASES_OUTDATED = "DATABASES_OUTDATED";
    public static final String REAL_TIME_PROTECTION_OFF = "REAL_TIME_PROTECTION_OFF";
    public static final String REAL_TIME_PROTECTION_PAUSED = "REAL_TIME_PROTECTION_PAUSED";
    public static final String LICENCE_EXPIRED = "LICENCE_EXPIRED";
    public static final String NO_LICENCE = "NO_LICENCE";

    public static final String TAG_NOT_DISINFECTED = "Objects not disinfected";
    public static final String TAG_DATABASES_OUTDATED = "Databases outdated";

    private static final Set<String> OWN_CODES = Set.of(OBJECTS_NOT_DISINFECTED, DATABASES_OUTDATED,
            REAL_TIME_PROTECTION_OFF, REAL_TIME_PROTECTION_PAUSED, LICENCE_EXPIRED, NO_LICENCE);
    private static final Set<String> OWN_TAGS = Set.of(TAG_NOT_DISINFECTED.toLowerCase(Locale.ROOT),
            TAG_DATABASES_OUTDATED.toLowerCase(Locale.ROOT));

    private final int outdatedDays;

    public ApplicationStateRules(int outdatedDays) {
        this.outdatedDays = outdatedDays;
    }

    public InstalledApplication derive(Optional<InstalledApplication> current, ProtectionSummary summary) {
        InstalledApplication base = current.orElseGet(() -> new InstalledApplication(EndpointProtection.ID,
                EndpointProtection.NAME, null, ApplicationState.UNKNOWN, ProtectionState.UNKNOWN, null, 0, 0,
                List.of(), null, null, null, null, List.of(), List.of()));
        Optional<ScanStatus> scan = summary.scan().map(StoredScanState::status);
        ProtectionState protection = scan.map(s -> protection(s.realTimeProtection()))
                .orElse(base.realTimeProtection());
        Instant lastScan = scan.map(ScanStatus::lastFullScan).orElse(base.lastScan());
        List<ApplicationComponent> components = scan.map(ApplicationStateRules::components)
                .orElse(base.components());
        LicenceKey activeKey = summary.licence().isPresent() ? key(summary.licence().get().active())
                : base.activeKey();
        LicenceKey reserveKey = summary.licence().isPresent() ? key(summary.licence().get().reserve())
                : base.reserveKey();

        List<ApplicationStatusReport> reports = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        long notDisinfected = summary.threats().notDisinfected();
        if (notDisinfected > 0) {
            reports.add(new ApplicationStatusReport(StatusLevel.CRITICAL, OBJECTS_NOT_DISINFECTED,
                    notDisinfected == 1 ? "1 object could not be disinfected"
                            : notDisinfected + " objects could not be disinfected"));
            tags.add(TAG_NOT_DISINFECTED);
        }
        if (protection == ProtectionState.OFF) {
            reports.add(new ApplicationStatusReport(StatusLevel.CRITICAL, REAL_TIME_PROTECTION_OFF,
                    "Real-time protection is off"));
        } else if (protection == ProtectionState.PAUSED) {
            reports.add(new ApplicationStatusReport(StatusLevel.WARNING, REAL_TIME_PROTECTION_PAUSED,
                    "Real-time protection is paused"));
        }
        summary.scan().ifPresent(state -> {
            Instant released = state.status().databasesReleasedAt();
            if (released != null) {
                DatabaseAge age = DatabaseAge.of(released, state.reportedAt(), outdatedDays);
                if (age.outdated()) {
                    reports.add(new ApplicationStatusReport(StatusLevel.WARNING, DATABASES_OUTDATED,
                            "Anti-virus databases are " + age.days() + " days old (outdated from " + outdatedDays
                                    + " days)"));
                    tags.add(TAG_DATABASES_OUTDATED);
                }
            }
        });
        summary.licence().ifPresent(licence -> licenceReports(licence, summary.licenceReportedAt(), reports));

        List<ApplicationStatusReport> statusReports = new ArrayList<>();
        base.statusReports().stream().filter(r -> !OWN_CODES.contains(r.code())).forEach(statusReports::add);
        statusReports.addAll(reports);
        List<String> allTags = new ArrayList<>();
        base.tags().stream().filter(t -> !OWN_TAGS.contains(t.strip().toLowerCase(Locale.ROOT)))
                .forEach(allTags::add);
        allTags.addAll(tags);
        return new InstalledApplication(EndpointProtection.ID, base.name(), base.version(), base.state(), protection,
                lastScan, summary.threats().detected(), notDisinfected, components, activeKey, reserveKey,
                base.installedAt(), base.installId(), statusReports, allTags);
    }

    /**
     * Whether two entries say the same, regardless of the order the devices area returns components (by name) and
     * tags (case-insensitive) in.
     */
    public static boolean same(InstalledApplication a, InstalledApplication b) {
        return normalised(a).equals(normalised(b));
    }

    private static InstalledApplication normalised(InstalledApplication a) {
        List<ApplicationComponent> components = a.components().stream()
                .sorted(Comparator.comparing(ApplicationComponent::name)).toList();
        List<String> tags = a.tags().stream().map(t -> t.strip().toLowerCase(Locale.ROOT)).sorted().toList();
        return new InstalledApplication(a.applicationId(), a.name(), a.version(), a.state(), a.realTimeProtection(),
                a.lastScan(), a.threatsDetected(), a.objectsNotDisinfected(), components, a.activeKey(),
                a.reserveKey(), a.installedAt(), a.installId(), a.statusReports(), tags);
    }

    private static void licenceReports(LicenceReport licence, Instant reportedAt,
            List<ApplicationStatusReport> reports) {
        if (licence.active() == null) {
            reports.add(new ApplicationStatusReport(StatusLevel.CRITICAL, NO_LICENCE, "No active licence key"));
        } else if (licence.active().expiresAt() != null && reportedAt != null
                && !licence.active().expiresAt().isAfter(reportedAt)) {
            reports.add(new ApplicationStatusReport(StatusLevel.CRITICAL, LICENCE_EXPIRED,
                    "The licence key " + licence.active().keyId() + " expired on " + licence.active().expiresAt()));
        }
    }

    static ProtectionState protection(String reported) {
        return switch (reported) {
            case "on" -> ProtectionState.ON;
            case "off" -> ProtectionState.OFF;
            case "paused" -> ProtectionState.PAUSED;
            case "starting" -> ProtectionState.STARTING;
            case "not-supported" -> ProtectionState.NOT_SUPPORTED;
            default -> ProtectionState.UNKNOWN;
        };
    }

    private static List<ApplicationComponent> components(ScanStatus status) {
        return status.components().stream()
                .map(c -> new ApplicationComponent(c.name(), c.version(), c.status())).toList();
    }

    private static LicenceKey key(LicenceKeyReport key) {
        return key == null ? null : new LicenceKey(key.keyId(), key.expiresAt());
    }
}
