package org.garrison.plugins.devicecontrol.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.garrison.api.device.ApplicationState;
import org.garrison.api.device.ApplicationStatusReport;
import org.garrison.api.device.InstalledApplication;
import org.garrison.api.device.ProtectionState;
import org.garrison.api.device.StatusLevel;
import org.garrison.plugins.devicecontrol.internal.reports.ConnectedDevices;

/**
 * The device's Device Control entry in the core's installed applications, derived from the plugin's tables: the
 * device-status reason and the tag the plugin sets. What the application says about itself through the agent (name,
 * version, running state, install date and id, and any reasons or tags of its own) is kept; the reason and tag named
 * here are the plugin's, recomputed every time.
 *
 * <p>A blocked device is the policy working, not a problem of the managed device: it gives a tag (so admins can find
 * the machines where users keep trying), never a warning. A policy that only logs leaves the device open: a warning.
 */
public final class ApplicationStateRules {

    public static final String LOG_ONLY = "DEVICE_CONTROL_LOG_ONLY";
    public static final String TAG_USB_STORAGE_BLOCKED = "USB storage blocked";

    private ApplicationStateRules() {
    }

    public static InstalledApplication derive(Optional<InstalledApplication> current, ControlSummary summary) {
        InstalledApplication base = current.orElseGet(() -> new InstalledApplication(DeviceControl.ID,
                DeviceControl.NAME, null, ApplicationState.UNKNOWN, ProtectionState.NOT_SUPPORTED, null, 0, 0,
                List.of(), null, null, null, null, List.of(), List.of()));
        List<ApplicationStatusReport> reports = new ArrayList<>();
        base.statusReports().stream().filter(r -> !LOG_ONLY.equals(r.code())).forEach(reports::add);
        boolean logOnly = summary.state().map(s -> ConnectedDevices.LOG_ONLY.equals(s.enforcement())).orElse(false);
        if (logOnly) {
            reports.add(new ApplicationStatusReport(StatusLevel.WARNING, LOG_ONLY,
                    "Device Control only logs: no external device is blocked"));
        }
        List<String> tags = new ArrayList<>();
        base.tags().stream().filter(t -> !normal(t).equals(normal(TAG_USB_STORAGE_BLOCKED))).forEach(tags::add);
        if (summary.usbStorageBlocked() > 0) {
            tags.add(TAG_USB_STORAGE_BLOCKED);
        }
        return new InstalledApplication(DeviceControl.ID, base.name(), base.version(), base.state(),
                base.realTimeProtection(), base.lastScan(), base.threatsDetected(), base.objectsNotDisinfected(),
                base.components(), base.activeKey(), base.reserveKey(), base.installedAt(), base.installId(),
                reports, tags);
    }

    /** Whether two entries say the same, regardless of the order and case the devices area returns tags in. */
    public static boolean same(InstalledApplication a, InstalledApplication b) {
        return normalised(a).equals(normalised(b));
    }

    private static InstalledApplication normalised(InstalledApplication a) {
        return new InstalledApplication(a.applicationId(), a.name(), a.version(), a.state(), a.realTimeProtection(),
                a.lastScan(), a.threatsDetected(), a.objectsNotDisinfected(), a.components(), a.activeKey(),
                a.reserveKey(), a.installedAt(), a.installId(), a.statusReports(),
                a.tags().stream().map(ApplicationStateRules::normal).sorted().toList());
    }

    private static String normal(String tag) {
        return tag.strip().toLowerCase(Locale.ROOT);
    }
}
