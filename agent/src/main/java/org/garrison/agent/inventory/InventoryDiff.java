package org.garrison.agent.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.garrison.api.device.ActivityReport;
import org.garrison.api.device.InstalledApplication;
import org.garrison.api.device.InventoryReport;
import org.garrison.api.device.SoftwareChanges;
import org.garrison.api.device.SoftwareEntry;
import org.garrison.api.device.SoftwareKey;

/**
 * The smallest report that turns the server's copy of a device into the agent's current view of it, so that a sync
 * carries a few changed entries instead of the whole inventory.
 *
 * <p>Both reports are full reports as {@link InventorySource#collect()} makes them ({@link ReportLimits#fit fitted}).
 * A section that is {@code null} in {@code now} could not be collected and is left unchanged on the server. The
 * result is a partial report, except when a software or applications section becomes known after being unknown:
 * those can only be sent whole, so the result is then a full report carrying only the changed sections (a full
 * report leaves its {@code null} sections unchanged too).
 */
public final class InventoryDiff {

    private InventoryDiff() {
    }

    /** The partial report that turns {@code sent} into {@code now}, or empty when nothing worth a report changed. */
    public static Optional<InventoryReport> between(InventoryReport sent, InventoryReport now) {
        boolean full = sent.software() == null && now.software() != null
                || sent.applications() == null && now.applications() != null;
        SoftwareChanges software = full ? whole(sent.software(), now.software()) : software(sent, now);
        List<InstalledApplication> applications;
        List<String> removedApplications = List.of();
        if (full) {
            applications = changed(sent.applications(), now.applications());
        } else if (now.applications() == null) {
            applications = null;
        } else {
            applications = changedApplications(sent.applications(), now.applications());
            removedApplications = removedIds(sent.applications(), now.applications());
            if (applications.isEmpty()) {
                applications = null;
            }
        }
        InventoryReport diff = new InventoryReport(now.deviceId(), full,
                changed(sent.identity(), now.identity()), changed(sent.network(), now.network()),
                changed(sent.os(), now.os()), changed(sent.virtualisation(), now.virtualisation()),
                activity(sent.activity(), now.activity()), changed(sent.users(), now.users()),
                changed(sent.sessions(), now.sessions()), changed(sent.hardware(), now.hardware()), software,
                applications, removedApplications);
        boolean empty = diff.identity() == null && diff.network() == null && diff.os() == null
                && diff.virtualisation() == null && diff.activity() == null && diff.users() == null
                && diff.sessions() == null && diff.hardware() == null && diff.software() == null
                && diff.applications() == null && diff.removedApplications().isEmpty();
        return empty ? Optional.empty() : Optional.of(diff);
    }

    /**
     * What the server holds after applying {@code report} to a device whose copy is {@code base}, following the
     * server's rules: {@code null} sections stay, scalar sections and small collections are replaced, software and
     * applications of a partial report are applied as changes, those of a full report replace the stored ones.
     * The agent keeps the result as the copy its next {@link #between} starts from.
     */
    public static InventoryReport applied(InventoryReport base, InventoryReport report) {
        return new InventoryReport(base.deviceId(), true, or(report.identity(), base.identity()),
                or(report.network(), base.network()), or(report.os(), base.os()),
                or(report.virtualisation(), base.virtualisation()), or(report.activity(), base.activity()),
                or(report.users(), base.users()), or(report.sessions(), base.sessions()),
                or(report.hardware(), base.hardware()), appliedSoftware(base.software(), report),
                appliedApplications(base.applications(), report), List.of());
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    /** {@code now} when it is known and differs from {@code sent}, else {@code null} (unchanged). */
    private static <T> T changed(T sent, T now) {
        return now != null && !now.equals(sent) ? now : null;
    }

    /**
     * The activity when restart pending or the power-on time changed; the last-visible time alone is not worth a
     * report, since the server counts every sync as a sighting.
     */
    private static ActivityReport activity(ActivityReport sent, ActivityReport now) {
        if (now == null) {
            return null;
        }
        if (sent != null && sent.restartPending() == now.restartPending()
                && Objects.equals(sent.poweredOnAt(), now.poweredOnAt())) {
            return null;
        }
        return now;
    }

    private static SoftwareChanges whole(SoftwareChanges sent, SoftwareChanges now) {
        return now == null || now.equals(sent) ? null : new SoftwareChanges(now.installed(), List.of(), List.of());
    }

    private static SoftwareChanges software(InventoryReport sent, InventoryReport now) {
        if (now.software() == null) {
            return null;
        }
        Map<String, SoftwareEntry> before = bySoftwareKey(sent.software().installed());
        Map<String, SoftwareEntry> after = bySoftwareKey(now.software().installed());
        List<SoftwareEntry> installed = new ArrayList<>();
        List<SoftwareEntry> updated = new ArrayList<>();
        for (Map.Entry<String, SoftwareEntry> entry : after.entrySet()) {
            SoftwareEntry previous = before.get(entry.getKey());
            if (previous == null) {
                installed.add(entry.getValue());
            } else if (!previous.equals(entry.getValue())) {
                updated.add(entry.getValue());
            }
        }
        List<SoftwareKey> removed = new ArrayList<>();
        for (Map.Entry<String, SoftwareEntry> entry : before.entrySet()) {
            if (!after.containsKey(entry.getKey())) {
                removed.add(new SoftwareKey(entry.getValue().name(), entry.getValue().vendor()));
            }
        }
        return installed.isEmpty() && updated.isEmpty() && removed.isEmpty() ? null
                : new SoftwareChanges(installed, updated, removed);
    }

    private static List<InstalledApplication> changedApplications(List<InstalledApplication> sent,
            List<InstalledApplication> now) {
        Map<String, InstalledApplication> before = byId(sent);
        List<InstalledApplication> changed = new ArrayList<>();
        for (InstalledApplication application : now) {
            if (!application.equals(before.get(application.applicationId()))) {
                changed.add(application);
            }
        }
        return changed;
    }

    private static List<String> removedIds(List<InstalledApplication> sent, List<InstalledApplication> now) {
        Set<String> remaining = byId(now).keySet();
        return sent.stream().map(InstalledApplication::applicationId).filter(id -> !remaining.contains(id)).toList();
    }

    private static SoftwareChanges appliedSoftware(SoftwareChanges base, InventoryReport report) {
        SoftwareChanges changes = report.software();
        if (changes == null) {
            return base;
        }
        if (report.full() || base == null) {
            return new SoftwareChanges(changes.installed(), List.of(), List.of());
        }
        Map<String, SoftwareEntry> entries = bySoftwareKey(base.installed());
        changes.removed().forEach(key -> entries.remove(ReportLimits.softwareKey(key.name(), key.vendor())));
        List<SoftwareEntry> upserts = new ArrayList<>(changes.installed());
        upserts.addAll(changes.updated());
        upserts.forEach(entry -> entries.remove(ReportLimits.softwareKey(entry.name(), entry.vendor())));
        upserts.forEach(entry -> entries.put(ReportLimits.softwareKey(entry.name(), entry.vendor()), entry));
        return new SoftwareChanges(List.copyOf(entries.values()), List.of(), List.of());
    }

    private static List<InstalledApplication> appliedApplications(List<InstalledApplication> base,
            InventoryReport report) {
        List<InstalledApplication> applications = report.applications();
        if (report.full()) {
            return applications != null ? applications : base;
        }
        Map<String, InstalledApplication> byId = byId(base == null ? List.of() : base);
        report.removedApplications().forEach(byId::remove);
        if (applications != null) {
            applications.forEach(application -> byId.put(application.applicationId(), application));
        }
        return base == null && applications == null ? null : List.copyOf(byId.values());
    }

    private static Map<String, SoftwareEntry> bySoftwareKey(List<SoftwareEntry> entries) {
        return index(entries, entry -> ReportLimits.softwareKey(entry.name(), entry.vendor()));
    }

    private static Map<String, InstalledApplication> byId(List<InstalledApplication> applications) {
        return index(applications, InstalledApplication::applicationId);
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        Map<String, T> index = new LinkedHashMap<>();
        items.forEach(item -> index.put(key.apply(item), item));
        return index;
    }
}
