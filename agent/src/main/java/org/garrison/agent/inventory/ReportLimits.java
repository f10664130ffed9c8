package org.garrison.agent.inventory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.garrison.api.device.DeviceIdentity;
import org.garrison.api.device.DeviceNetwork;
import org.garrison.api.device.HardwareComponent;
import org.garrison.api.device.InstalledApplication;
import org.garrison.api.device.InventoryReport;
import org.garrison.api.device.OperatingSystem;
import org.garrison.api.device.SoftwareChanges;
import org.garrison.api.device.SoftwareEntry;
import org.garrison.api.device.UserAccount;
import org.garrison.api.device.UserSession;
import org.garrison.api.device.Virtualisation;

/**
 * Brings a collected full report into the shape the server accepts and stores: the server refuses a whole report
 * for one over-long field or duplicate software entry, so the agent trims, truncates, drops entries without their
 * required fields and merges duplicates first. Values are also put in the form the server stores them in (trimmed,
 * blank as {@code null}, lower-case hardware categories and MAC addresses, sessions newest first), so that the
 * agent's copy of what it sent equals the server's copy and the next {@link InventoryDiff} is exact.
 *
 * <p>The limits mirror the server's inventory check ({@code InventoryCheck} in the devices bundle).
 */
public final class ReportLimits {

    static final int NAME = 255;
    static final int NETBIOS = 64;
    static final int IPV6 = 45;
    static final int OS_SHORT = 64;
    static final int PATH = 1024;
    static final int VM_TEXT = 128;
    static final int SESSION_KIND = 32;
    static final int CATEGORY = 64;
    static final int DETAILS = 1024;
    static final int VERSION = 128;
    static final int APPLICATION_ID = 128;

    private ReportLimits() {
    }

    /** The report with every value within the server's limits and in the form the server stores it. */
    public static InventoryReport fit(InventoryReport report) {
        return new InventoryReport(report.deviceId(), report.full(), identity(report.identity()),
                network(report.network()), os(report.os()), virtualisation(report.virtualisation()),
                report.activity(), each(report.users(), ReportLimits::user), sessions(report.sessions()),
                each(report.hardware(), ReportLimits::hardware), software(report.software()),
                applications(report.applications()), report.removedApplications());
    }

    /** The registry key of a software entry: name and vendor, compared case-insensitively as the server does. */
    public static String softwareKey(String name, String vendor) {
        return key(name) + "\n" + key(vendor);
    }

    /** Trimmed, {@code null} when blank, cut to at most {@code max} characters (never inside a surrogate pair). */
    static String text(String value, int max) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        if (trimmed.length() <= max) {
            return trimmed;
        }
        int end = Character.isHighSurrogate(trimmed.charAt(max - 1)) ? max - 1 : max;
        return trimmed.substring(0, end).strip();
    }

    /** A MAC address as six lower-case hex pairs joined by colons, or {@code null} if it is none or all zeros. */
    static String mac(String address) {
        if (address == null) {
            return null;
        }
        String hex = address.trim().replace(":", "").replace("-", "").toLowerCase(Locale.ROOT);
        if (hex.length() != 12 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)
                || hex.equals("000000000000")) {
            return null;
        }
        StringBuilder mac = new StringBuilder(17);
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) {
                mac.append(':');
            }
            mac.append(hex, i, i + 2);
        }
        return mac.toString();
    }

    /** Whether the text is a dotted-quad IPv4 address, as the server requires. */
    static boolean isIpv4(String address) {
        String[] parts = address.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private static String key(String value) {
        return value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    }

    private static <T> List<T> each(List<T> items, Function<T, T> fit) {
        if (items == null) {
            return null;
        }
        List<T> fitted = new ArrayList<>(items.size());
        for (T item : items) {
            T result = fit.apply(item);
            if (result != null) {
                fitted.add(result);
            }
        }
        return fitted;
    }

    private static DeviceIdentity identity(DeviceIdentity identity) {
        if (identity == null) {
            return null;
        }
        return new DeviceIdentity(text(identity.windowsDomain(), NAME), identity.windowsDomainType(),
                text(identity.netbiosName(), NETBIOS), text(identity.dnsDomain(), NAME),
                text(identity.dnsName(), NAME), text(identity.hardwareId(), NAME));
    }

    private static DeviceNetwork network(DeviceNetwork network) {
        if (network == null) {
            return null;
        }
        String ipv4 = text(network.ipv4(), NAME);
        String ipv6 = text(network.ipv6(), NAME);
        if (ipv6 != null && ipv6.indexOf('%') >= 0) {
            ipv6 = ipv6.substring(0, ipv6.indexOf('%'));
        }
        Set<String> macs = new LinkedHashSet<>();
        for (String address : network.macAddresses()) {
            String mac = mac(address);
            if (mac != null) {
                macs.add(mac);
            }
        }
        return new DeviceNetwork(ipv4 != null && isIpv4(ipv4) ? ipv4 : null,
                ipv6 != null && ipv6.length() <= IPV6 ? ipv6 : null, text(network.networkLocation(), NAME),
                List.copyOf(macs));
    }

    private static OperatingSystem os(OperatingSystem os) {
        if (os == null) {
            return null;
        }
        return new OperatingSystem(os.type(), text(os.architecture(), OS_SHORT), text(os.vendor(), NAME),
                text(os.name(), NAME), text(os.version(), OS_SHORT), text(os.build(), OS_SHORT),
                text(os.releaseId(), OS_SHORT), text(os.installFolder(), PATH));
    }

    private static Virtualisation virtualisation(Virtualisation vm) {
        if (vm == null) {
            return null;
        }
        return new Virtualisation(vm.virtualMachine(), text(vm.hypervisor(), VM_TEXT), text(vm.vmType(), VM_TEXT),
                vm.vdiDynamic(), text(vm.managingVirtualServer(), NAME));
    }

    private static UserAccount user(UserAccount user) {
        String name = text(user.name(), NAME);
        return name == null ? null
                : new UserAccount(name, text(user.domain(), NAME), text(user.fullName(), NAME), user.lastLogonAt());
    }

    /** Sessions newest first, the order the server lists them in. */
    private static List<UserSession> sessions(List<UserSession> sessions) {
        List<UserSession> fitted = each(sessions, session -> {
            String account = text(session.accountName(), NAME);
            return account == null || session.startedAt() == null ? null
                    : new UserSession(account, text(session.domain(), NAME), text(session.kind(), SESSION_KIND),
                            session.startedAt(), session.endedAt());
        });
        if (fitted != null) {
            fitted.sort(Comparator.comparing(UserSession::startedAt, Comparator.<Instant>reverseOrder()));
        }
        return fitted;
    }

    private static HardwareComponent hardware(HardwareComponent component) {
        String category = text(component.category(), CATEGORY);
        String name = text(component.name(), NAME);
        if (category == null || name == null) {
            return null;
        }
        return new HardwareComponent(category.toLowerCase(Locale.ROOT), name, text(component.vendor(), NAME),
                text(component.model(), NAME), text(component.serialNumber(), NAME),
                text(component.details(), DETAILS));
    }

    /** Software entries fitted, one per name and vendor (the first of duplicates wins). */
    private static SoftwareChanges software(SoftwareChanges software) {
        if (software == null) {
            return null;
        }
        Map<String, SoftwareEntry> installed = new LinkedHashMap<>();
        for (SoftwareEntry entry : software.installed()) {
            String name = text(entry.name(), NAME);
            if (name != null) {
                String vendor = text(entry.vendor(), NAME);
                installed.putIfAbsent(softwareKey(name, vendor), new SoftwareEntry(name, vendor,
                        text(entry.version(), VERSION), entry.installedAt(), text(entry.location(), PATH)));
            }
        }
        return new SoftwareChanges(List.copyOf(installed.values()), software.updated(), software.removed());
    }

    /** Applications with an id and a name, one per id. */
    private static List<InstalledApplication> applications(List<InstalledApplication> applications) {
        if (applications == null) {
            return null;
        }
        Map<String, InstalledApplication> byId = new LinkedHashMap<>();
        for (InstalledApplication application : applications) {
            String id = application.applicationId();
            if (id != null && !id.isBlank() && id.length() <= APPLICATION_ID && application.name() != null
                    && !application.name().isBlank()) {
                byId.putIfAbsent(id, application);
            }
        }
        return List.copyOf(byId.values());
    }
}
