package org.garrison.agent.inventory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.garrison.api.device.ApplicationComponent;
import org.garrison.api.device.DeviceIdentity;
import org.garrison.api.device.DeviceNetwork;
import org.garrison.api.device.HardwareComponent;
import org.garrison.api.device.InstalledApplication;
import org.garrison.api.device.InventoryReport;
import org.garrison.api.device.OperatingSystem;
import org.garrison.api.device.SoftwareChanges;
import org.garrison.api.device.SoftwareEntry;
import org.garrison.api.device.SoftwareKey;
import org.garrison.api.device.UserAccount;
import org.garrison.api.device.UserSession;
import org.garrison.api.device.Virtualisation;

/**
 * The server's validation of an inventory report ({@code InventoryCheck} in the devices bundle, which is not usable
 * outside OSGi), restated for tests: every report the agent makes must produce no problem here. The device id is
 * not checked, since the agent leaves it to the gateway.
 */
public final class ServerInventoryRules {

    private final List<String> problems = new ArrayList<>();

    private ServerInventoryRules() {
    }

    /** The problems the server would name, empty if it accepts the report. */
    public static List<String> problems(InventoryReport report) {
        ServerInventoryRules rules = new ServerInventoryRules();
        rules.report(report);
        return rules.problems;
    }

    private void report(InventoryReport report) {
        identity(report.identity());
        network(report.network());
        os(report.os());
        virtualisation(report.virtualisation());
        if (report.users() != null) {
            for (UserAccount user : report.users()) {
                required("users/name", user.name(), 255);
                length("users/domain", user.domain(), 255);
                length("users/fullName", user.fullName(), 255);
            }
        }
        if (report.sessions() != null) {
            for (UserSession session : report.sessions()) {
                required("sessions/accountName", session.accountName(), 255);
                length("sessions/domain", session.domain(), 255);
                length("sessions/kind", session.kind(), 32);
                if (session.startedAt() == null) {
                    problems.add("sessions/startedAt is required");
                }
            }
        }
        if (report.hardware() != null) {
            for (HardwareComponent component : report.hardware()) {
                required("hardware/category", component.category(), 64);
                required("hardware/name", component.name(), 255);
                length("hardware/vendor", component.vendor(), 255);
                length("hardware/model", component.model(), 255);
                length("hardware/serialNumber", component.serialNumber(), 255);
                length("hardware/details", component.details(), 1024);
            }
        }
        software(report.full(), report.software());
        applications(report.applications(), report.removedApplications(), report.full());
    }

    private void identity(DeviceIdentity identity) {
        if (identity != null) {
            length("identity/windowsDomain", identity.windowsDomain(), 255);
            length("identity/netbiosName", identity.netbiosName(), 64);
            length("identity/dnsDomain", identity.dnsDomain(), 255);
            length("identity/dnsName", identity.dnsName(), 255);
            length("identity/hardwareId", identity.hardwareId(), 255);
        }
    }

    private void network(DeviceNetwork network) {
        if (network == null) {
            return;
        }
        if (network.ipv4() != null && !ReportLimits.isIpv4(network.ipv4().trim())) {
            problems.add("network/ipv4 is not an IPv4 address: " + network.ipv4());
        }
        length("network/ipv6", network.ipv6(), 45);
        length("network/networkLocation", network.networkLocation(), 255);
        Set<String> seen = new HashSet<>();
        for (String mac : network.macAddresses()) {
            String hex = mac == null ? "" : mac.trim().replace(":", "").replace("-", "").toLowerCase(Locale.ROOT);
            if (hex.length() != 12 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                problems.add("network/macAddresses is not a MAC address: " + mac);
            } else if (!seen.add(hex)) {
                problems.add("network/macAddresses lists twice: " + mac);
            }
        }
    }

    private void os(OperatingSystem os) {
        if (os != null) {
            length("os/architecture", os.architecture(), 64);
            length("os/vendor", os.vendor(), 255);
            length("os/name", os.name(), 255);
            length("os/version", os.version(), 64);
            length("os/build", os.build(), 64);
            length("os/releaseId", os.releaseId(), 64);
            length("os/installFolder", os.installFolder(), 1024);
        }
    }

    private void virtualisation(Virtualisation vm) {
        if (vm != null) {
            length("virtualisation/hypervisor", vm.hypervisor(), 128);
            length("virtualisation/vmType", vm.vmType(), 128);
            length("virtualisation/managingVirtualServer", vm.managingVirtualServer(), 255);
        }
    }

    private void software(boolean full, SoftwareChanges software) {
        if (software == null) {
            return;
        }
        if (full && (!software.updated().isEmpty() || !software.removed().isEmpty())) {
            problems.add("software: a full report lists the whole registry in 'installed' only");
        }
        Set<String> keys = new HashSet<>();
        entries("software/installed", software.installed(), keys);
        entries("software/updated", software.updated(), keys);
        for (SoftwareKey key : software.removed()) {
            required("software/removed/name", key.name(), 255);
            length("software/removed/vendor", key.vendor(), 255);
            if (key.name() != null && !keys.add(key(key.name()) + "\n" + key(key.vendor()))) {
                problems.add("software/removed names an entry listed twice: " + key);
            }
        }
    }

    private void entries(String at, List<SoftwareEntry> entries, Set<String> keys) {
        for (SoftwareEntry entry : entries) {
            required(at + "/name", entry.name(), 255);
            length(at + "/vendor", entry.vendor(), 255);
            length(at + "/version", entry.version(), 128);
            length(at + "/location", entry.location(), 1024);
            if (entry.name() != null && !keys.add(key(entry.name()) + "\n" + key(entry.vendor()))) {
                problems.add(at + " lists twice: " + entry.name() + " / " + entry.vendor());
            }
        }
    }

    private void applications(List<InstalledApplication> applications, List<String> removed, boolean full) {
        Set<String> ids = new HashSet<>();
        if (applications != null) {
            for (InstalledApplication application : applications) {
                required("applications/applicationId", application.applicationId(), 128);
                required("applications/name", application.name(), 255);
                length("applications/version", application.version(), 128);
                length("applications/installId", application.installId(), 255);
                if (application.applicationId() != null && !ids.add(application.applicationId())) {
                    problems.add("applications lists twice: " + application.applicationId());
                }
                if (application.threatsDetected() < 0 || application.objectsNotDisinfected() < 0) {
                    problems.add("applications counts must not be negative");
                }
                Set<String> components = new HashSet<>();
                for (ApplicationComponent component : application.components()) {
                    required("applications/components/name", component.name(), 255);
                    length("applications/components/version", component.version(), 128);
                    length("applications/components/status", component.status(), 128);
                    if (component.name() != null && !components.add(component.name())) {
                        problems.add("applications/components lists twice: " + component.name());
                    }
                }
                application.statusReports().forEach(report -> {
                    if (report.level() == null) {
                        problems.add("applications/statusReports/level is required");
                    }
                    required("applications/statusReports/code", report.code(), 128);
                    required("applications/statusReports/text", report.text(), 1000);
                });
                application.tags().forEach(tag -> required("applications/tags", tag, 128));
            }
        }
        if (full && !removed.isEmpty()) {
            problems.add("removedApplications: a full report lists the installed applications only");
        }
        for (String id : removed) {
            if (id == null || ids.contains(id)) {
                problems.add("removedApplications must name an application not listed as installed: " + id);
            }
        }
    }

    private static String key(String value) {
        return value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    }

    private void required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(field + " is required");
        } else {
            length(field, value, max);
        }
    }

    private void length(String field, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(field + " must be at most " + max + " characters: " + value);
        }
    }
}
