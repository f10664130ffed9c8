package org.garrison.devices.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.garrison.api.device.ApplicationComponent;
import org.garrison.api.device.ApplicationStatusReport;
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
import org.garrison.api.error.FieldError;
import org.garrison.api.error.ValidationException;

/**
 * Checks an inventory report before anything is stored, so a bad report is refused whole with every problem named
 * (field paths as in the report's JSON) and never fails half-way in the database.
 */
final class InventoryCheck {

    /** The longest tag. */
    static final int MAX_TAG = 128;

    private final List<FieldError> errors = new ArrayList<>();

    private InventoryCheck() {
    }

    /** @throws ValidationException listing every problem of the report */
    static void check(InventoryReport report) {
        InventoryCheck check = new InventoryCheck();
        check.report(report);
        if (!check.errors.isEmpty()) {
            throw new ValidationException(check.errors);
        }
    }

    /** Checks the naming fields of a registration or report. */
    static void checkIdentity(DeviceIdentity identity, List<FieldError> errors) {
        InventoryCheck check = new InventoryCheck();
        check.identity("identity", identity);
        errors.addAll(check.errors);
    }

    private void report(InventoryReport report) {
        if (report.deviceId() == null) {
            error("deviceId", "is required");
        }
        identity("identity", report.identity());
        network(report.network());
        os(report.os());
        virtualisation(report.virtualisation());
        if (report.users() != null) {
            for (int i = 0; i < report.users().size(); i++) {
                UserAccount user = report.users().get(i);
                String at = "users/" + i;
                required(at + "/name", user.name(), 255);
                length(at + "/domain", user.domain(), 255);
                length(at + "/fullName", user.fullName(), 255);
            }
        }
        if (report.sessions() != null) {
            for (int i = 0; i < report.sessions().size(); i++) {
                UserSession session = report.sessions().get(i);
                String at = "sessions/" + i;
                required(at + "/accountName", session.accountName(), 255);
                length(at + "/domain", session.domain(), 255);
                length(at + "/kind", session.kind(), 32);
                if (session.startedAt() == null) {
                    error(at + "/startedAt", "is required");
                }
            }
        }
        if (report.hardware() != null) {
            for (int i = 0; i < report.hardware().size(); i++) {
                HardwareComponent component = report.hardware().get(i);
                String at = "hardware/" + i;
                required(at + "/category", component.category(), 64);
                required(at + "/name", component.name(), 255);
                length(at + "/vendor", component.vendor(), 255);
                length(at + "/model", component.model(), 255);
                length(at + "/serialNumber", component.serialNumber(), 255);
                length(at + "/details", component.details(), 1024);
            }
        }
        software(report.full(), report.software());
        applications(report.applications(), report.removedApplications(), report.full());
    }

    private void identity(String at, DeviceIdentity identity) {
        if (identity == null) {
            return;
        }
        length(at + "/windowsDomain", identity.windowsDomain(), 255);
        length(at + "/netbiosName", identity.netbiosName(), 64);
        length(at + "/dnsDomain", identity.dnsDomain(), 255);
        length(at + "/dnsName", identity.dnsName(), 255);
        length(at + "/hardwareId", identity.hardwareId(), 255);
    }

    private void network(DeviceNetwork network) {
        if (network == null) {
            return;
        }
        if (network.ipv4() != null && !Normalised.isIpv4(network.ipv4())) {
            error("network/ipv4", "must be an IPv4 address such as 192.0.2.10");
        }
        length("network/ipv6", network.ipv6(), 45);
        length("network/networkLocation", network.networkLocation(), 255);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < network.macAddresses().size(); i++) {
            try {
                if (!seen.add(Normalised.mac("network/macAddresses/" + i, network.macAddresses().get(i)))) {
                    error("network/macAddresses/" + i, "is listed twice");
                }
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
    }

    private void os(OperatingSystem os) {
        if (os == null) {
            return;
        }
        length("os/architecture", os.architecture(), 64);
        length("os/vendor", os.vendor(), 255);
        length("os/name", os.name(), 255);
        length("os/version", os.version(), 64);
        length("os/build", os.build(), 64);
        length("os/releaseId", os.releaseId(), 64);
        length("os/installFolder", os.installFolder(), 1024);
    }

    private void virtualisation(Virtualisation virtualisation) {
        if (virtualisation == null) {
            return;
        }
        length("virtualisation/hypervisor", virtualisation.hypervisor(), 128);
        length("virtualisation/vmType", virtualisation.vmType(), 128);
        length("virtualisation/managingVirtualServer", virtualisation.managingVirtualServer(), 255);
    }

    private void software(boolean full, SoftwareChanges software) {
        if (software == null) {
            return;
        }
        if (full && (!software.updated().isEmpty() || !software.removed().isEmpty())) {
            error("software", "a full report lists the whole registry in 'installed' only");
        }
        Set<String> keys = new HashSet<>();
        entries("software/installed", software.installed(), keys);
        entries("software/updated", software.updated(), keys);
        for (int i = 0; i < software.removed().size(); i++) {
            SoftwareKey key = software.removed().get(i);
            String at = "software/removed/" + i;
            required(at + "/name", key.name(), 255);
            length(at + "/vendor", key.vendor(), 255);
            if (key.name() != null && !keys.add(Normalised.key(key.name()) + "\n" + Normalised.key(key.vendor()))) {
                error(at, "names an entry listed twice in this report");
            }
        }
    }

    private void entries(String at, List<SoftwareEntry> entries, Set<String> keys) {
        for (int i = 0; i < entries.size(); i++) {
            SoftwareEntry entry = entries.get(i);
            String path = at + "/" + i;
            required(path + "/name", entry.name(), 255);
            length(path + "/vendor", entry.vendor(), 255);
            length(path + "/version", entry.version(), 128);
            length(path + "/location", entry.location(), 1024);
            if (entry.name() != null
                    && !keys.add(Normalised.key(entry.name()) + "\n" + Normalised.key(entry.vendor()))) {
                error(path, "names an entry listed twice in this report (same name and vendor)");
            }
        }
    }

    private void applications(List<InstalledApplication> applications, List<String> removed, boolean full) {
        Set<String> ids = new HashSet<>();
        if (applications != null) {
            for (int i = 0; i < applications.size(); i++) {
                InstalledApplication application = applications.get(i);
                String at = "applications/" + i;
                required(at + "/applicationId", application.applicationId(), 128);
                required(at + "/name", application.name(), 255);
                length(at + "/version", application.version(), 128);
                length(at + "/installId", application.installId(), 255);
                if (application.applicationId() != null && !ids.add(application.applicationId())) {
                    error(at + "/applicationId", "is listed twice");
                }
                if (application.threatsDetected() < 0) {
                    error(at + "/threatsDetected", "must not be negative");
                }
                if (application.objectsNotDisinfected() < 0) {
                    error(at + "/objectsNotDisinfected", "must not be negative");
                }
                if (application.activeKey() != null) {
                    length(at + "/activeKey/key", application.activeKey().key(), 255);
                }
                if (application.reserveKey() != null) {
                    length(at + "/reserveKey/key", application.reserveKey().key(), 255);
                }
                Set<String> components = new HashSet<>();
                for (int j = 0; j < application.components().size(); j++) {
                    ApplicationComponent component = application.components().get(j);
                    String path = at + "/components/" + j;
                    required(path + "/name", component.name(), 255);
                    length(path + "/version", component.version(), 128);
                    length(path + "/status", component.status(), 128);
                    if (component.name() != null && !components.add(component.name())) {
                        error(path + "/name", "is listed twice");
                    }
                }
                for (int j = 0; j < application.statusReports().size(); j++) {
                    ApplicationStatusReport report = application.statusReports().get(j);
                    String path = at + "/statusReports/" + j;
                    if (report.level() == null) {
                        error(path + "/level", "is required");
                    }
                    required(path + "/code", report.code(), 128);
                    required(path + "/text", report.text(), 1000);
                }
                for (int j = 0; j < application.tags().size(); j++) {
                    required(at + "/tags/" + j, application.tags().get(j), MAX_TAG);
                }
            }
        }
        if (full && !removed.isEmpty()) {
            error("removedApplications", "a full report lists the installed applications only");
        }
        for (int i = 0; i < removed.size(); i++) {
            if (removed.get(i) == null || ids.contains(removed.get(i))) {
                error("removedApplications/" + i, "must name an application not listed as installed");
            }
        }
    }

    private void required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            error(field, "is required");
        } else {
            length(field, value, max);
        }
    }

    private void length(String field, String value, int max) {
        if (value != null && value.length() > max) {
            error(field, "must be at most " + max + " characters");
        }
    }

    private void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }
}
