package org.garrison.agent.inventory;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.garrison.api.agent.HostFacts;
import org.garrison.api.device.ActivityReport;
import org.garrison.api.device.DeviceIdentity;
import org.garrison.api.device.DeviceNetwork;
import org.garrison.api.device.InventoryReport;
import org.garrison.api.device.OperatingSystem;
import org.garrison.api.device.OsType;
import org.garrison.api.device.SoftwareChanges;
import org.garrison.api.device.SoftwareEntry;
import org.garrison.api.device.UserAccount;
import org.garrison.api.device.UserSession;
import org.garrison.api.device.Virtualisation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import oshi.PlatformEnum;
import oshi.SystemInfo;
import oshi.hardware.ComputerSystem;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.NetworkIF;
import oshi.software.os.OSSession;
import oshi.software.os.OperatingSystem.OSVersionInfo;

/**
 * The real machine the agent runs on, read through OSHI, the operating system's own files and its package
 * registry.
 *
 * <p>A section that cannot be collected is reported as {@code null}, which the server reads as "unchanged": an
 * empty list instead would delete the server's copy. Each failing section is logged once as a warning. Managed
 * applications are not part of the machine's inventory here ({@code applications} is {@code null}): they report
 * themselves through the local bridge.
 */
public final class MachineInventory implements InventorySource {

    private static final Logger LOG = LoggerFactory.getLogger(MachineInventory.class);

    private static final Duration NAME_LOOKUP_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration INSTALLED_APPLICATIONS_TIMEOUT = Duration.ofSeconds(60);
    /** A boot time computed from the uptime wobbles by a second or two; this close counts as the same boot. */
    private static final Duration BOOT_TIME_TOLERANCE = Duration.ofSeconds(5);
    private static final List<Path> MACHINE_ID = List.of(Path.of("/etc/machine-id"),
            Path.of("/var/lib/dbus/machine-id"));
    private static final List<Path> OS_RELEASE = List.of(Path.of("/etc/os-release"), Path.of("/usr/lib/os-release"));
    private static final List<Path> REBOOT_REQUIRED = List.of(Path.of("/run/reboot-required"),
            Path.of("/var/run/reboot-required"));
    private static final Path PASSWD = Path.of("/etc/passwd");
    private static final Path LASTLOG = Path.of("/var/log/lastlog");
    private static final Path ROUTES = Path.of("/proc/net/route");

    private final SystemInfo system = new SystemInfo();
    private final PlatformEnum platform = SystemInfo.getCurrentPlatform();
    private final Clock clock;
    private final Set<String> failedSections = ConcurrentHashMap.newKeySet();
    private volatile String hardwareId;
    private volatile Instant bootTime;
    private volatile Virtualisation virtualisation;
    private volatile Names lastNames;

    public MachineInventory() {
        this(Clock.systemUTC());
    }

    /** @param clock gives the report's last-visible time */
    public MachineInventory(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String hardwareId() {
        String id = hardwareId;
        if (id == null) {
            id = computeHardwareId();
            hardwareId = id;
        }
        return id;
    }

    @Override
    public HostFacts hostFacts(String agentVersion) {
        Names names = names();
        OperatingSystem os = section("os", this::operatingSystem);
        return new HostFacts(names.hostname(), names.dnsDomain(), os == null ? osType() : os.type(),
                os == null ? null : os.name(), architecture(), agentVersion);
    }

    @Override
    public InventoryReport collect() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        HardwareAbstractionLayer hardware = system.getHardware();
        oshi.software.os.OperatingSystem os = system.getOperatingSystem();
        Names names = names();
        return ReportLimits.fit(new InventoryReport(null, true, section("identity", () -> identity(names)),
                section("network", () -> network(hardware, os)), section("os", this::operatingSystem),
                section("virtualisation", () -> virtualisation(hardware)),
                section("activity", () -> activity(os, now)), section("users", this::users),
                section("sessions", () -> sessions(os)),
                section("hardware", () -> HardwareRegistry.collect(hardware, hasSoundCards())),
                section("software", () -> software(os)), null, List.of()));
    }

    /** The section, or {@code null} (unchanged on the server) if it could not be collected. */
    private <T> T section(String name, Callable<T> collector) {
        try {
            return collector.call();
        } catch (Exception | LinkageError e) {
            if (failedSections.add(name)) {
                LOG.warn("Could not collect the {} of this machine, the server keeps its copy: {}", name,
                        e.toString());
            } else {
                LOG.debug("Could not collect the {} of this machine: {}", name, e.toString());
            }
            return null;
        }
    }

    private String computeHardwareId() {
        List<String> parts = new ArrayList<>();
        if (platform == PlatformEnum.WINDOWS) {
            parts.add(section("machine guid", WindowsFacts::machineGuid));
        } else if (platform == PlatformEnum.LINUX) {
            parts.add(section("machine id", () -> firstReadable(MACHINE_ID)));
        }
        parts.add(section("system uuid", () -> system.getHardware().getComputerSystem().getHardwareUUID()));
        DeviceNetwork network = section("network", () -> network(system.getHardware(),
                system.getOperatingSystem()));
        String fallback = (network == null ? "" : String.join(",", network.macAddresses())) + "\n"
                + names().hostname();
        return HardwareId.of(parts, fallback);
    }

    /**
     * The host's names. The fully qualified name may need a DNS lookup, which can hang for a long time on a badly
     * configured network; it gets a time limit, after which the names last found (or the plain host name) are
     * used.
     */
    private Names names() {
        CompletableFuture<Names> lookup = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                InetAddress local = InetAddress.getLocalHost();
                lookup.complete(Names.of(local.getHostName(), local.getCanonicalHostName()));
            } catch (IOException | RuntimeException e) {
                lookup.completeExceptionally(e);
            }
        }, "garrison-host-name");
        thread.setDaemon(true);
        thread.start();
        try {
            Names found = lookup.get(NAME_LOOKUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            lastNames = found;
            return found;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("Host name lookup failed: {}", e.toString());
        }
        // A lookup that fails now and then must not make the reported names flap: keep the last ones found.
        Names last = lastNames;
        return last != null ? last : Names.of(localHostName(), null);
    }

    /** The host name without any lookup. */
    private String localHostName() {
        String name = platform == PlatformEnum.WINDOWS ? System.getenv("COMPUTERNAME") : System.getenv("HOSTNAME");
        if (name == null && platform == PlatformEnum.LINUX) {
            name = section("host name", () -> Files.readString(Path.of("/proc/sys/kernel/hostname")).trim());
        }
        return name == null || name.isBlank() ? "localhost" : name.trim();
    }

    /**
     * @param hostname  the short host name
     * @param dnsName   the fully qualified name, or the host name when it has no domain
     * @param dnsDomain the domain part of the fully qualified name, or {@code null}
     */
    private record Names(String hostname, String dnsName, String dnsDomain) {

        static Names of(String hostname, String canonical) {
            String host = hostname == null || hostname.isBlank() ? "localhost" : hostname.trim();
            String fqdn = canonical == null || !canonical.contains(".") || isAddress(canonical) ? null
                    : canonical.trim().toLowerCase(Locale.ROOT);
            if (fqdn == null && host.contains(".") && !isAddress(host)) {
                fqdn = host.toLowerCase(Locale.ROOT);
            }
            String shortName = host.contains(".") && !isAddress(host) ? host.substring(0, host.indexOf('.')) : host;
            return fqdn == null ? new Names(shortName, shortName.toLowerCase(Locale.ROOT), null)
                    : new Names(shortName, fqdn, fqdn.substring(fqdn.indexOf('.') + 1));
        }

        private static boolean isAddress(String name) {
            return name.contains(":") || ReportLimits.isIpv4(name.trim());
        }
    }

    private DeviceIdentity identity(Names names) {
        if (platform == PlatformEnum.WINDOWS) {
            WindowsFacts.Membership membership = WindowsFacts.membership();
            return new DeviceIdentity(membership.name(), membership.type(), WindowsFacts.netbiosName(),
                    names.dnsDomain(), names.dnsName(), hardwareId());
        }
        return new DeviceIdentity(null, null, null, names.dnsDomain(), names.dnsName(), hardwareId());
    }

    private DeviceNetwork network(HardwareAbstractionLayer hardware, oshi.software.os.OperatingSystem os)
            throws IOException {
        List<NetworkProbe.Adapter> adapters = new ArrayList<>();
        for (NetworkIF adapter : hardware.getNetworkIFs()) {
            adapters.add(new NetworkProbe.Adapter(adapter.getName(), adapter.getMacaddr(),
                    Arrays.asList(adapter.getIPv4addr()), Arrays.asList(adapter.getSubnetMasks()),
                    Arrays.asList(adapter.getIPv6addr())));
        }
        if (platform == PlatformEnum.LINUX && Files.isReadable(ROUTES)) {
            return NetworkProbe.network(adapters, NetworkProbe.defaultRouteInterface(Files.readString(ROUTES)),
                    null);
        }
        return NetworkProbe.network(adapters, null, os.getNetworkParams().getIpv4DefaultGateway());
    }

    private OsType osType() {
        return switch (platform) {
            case WINDOWS, WINDOWSCE -> OsType.WINDOWS;
            case LINUX -> OsType.LINUX;
            case MACOS -> OsType.MACOS;
            case ANDROID -> OsType.ANDROID;
            default -> OsType.OTHER;
        };
    }

    /** The processor architecture in the usual spelling: x86_64, arm64, x86. */
    private static String architecture() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm64";
            case "x86", "i386", "i486", "i586", "i686" -> "x86";
            default -> arch.isEmpty() ? null : arch;
        };
    }

    private OperatingSystem operatingSystem() throws IOException {
        OsType type = osType();
        if (type == OsType.LINUX) {
            OsRelease release = OsRelease.parse(firstReadable(OS_RELEASE));
            return new OperatingSystem(type, architecture(), release.vendor(), release.name(), release.version(),
                    System.getProperty("os.version"), release.codename(), "/");
        }
        if (type == OsType.WINDOWS) {
            WindowsFacts.Version version = WindowsFacts.version();
            return new OperatingSystem(type, architecture(), "Microsoft Corporation", version.productName(),
                    version.version(), version.build(), version.releaseId(), version.systemRoot());
        }
        oshi.software.os.OperatingSystem os = system.getOperatingSystem();
        OSVersionInfo version = os.getVersionInfo();
        String codeName = Placeholders.orNull(version.getCodeName());
        String name = os.getFamily() + " " + version.getVersion() + (codeName == null ? "" : " " + codeName);
        return new OperatingSystem(type, architecture(), type == OsType.MACOS ? "Apple Inc." : os.getManufacturer(),
                name, version.getVersion(), Placeholders.orNull(version.getBuildNumber()), codeName, "/");
    }

    /** Detected once: a machine does not turn from virtual to physical while the agent runs. */
    private Virtualisation virtualisation(HardwareAbstractionLayer hardware) {
        Virtualisation known = virtualisation;
        if (known == null) {
            known = detectVirtualisation(hardware);
            virtualisation = known;
        }
        return known;
    }

    private Virtualisation detectVirtualisation(HardwareAbstractionLayer hardware) {
        ComputerSystem computer = hardware.getComputerSystem();
        return VirtualisationProbe.detect(Placeholders.orNull(computer.getManufacturer()),
                Placeholders.orNull(computer.getModel()), hardware.getProcessor().getFeatureFlags(),
                platform == PlatformEnum.LINUX);
    }

    private ActivityReport activity(oshi.software.os.OperatingSystem os, Instant now) {
        Instant boot = Instant.ofEpochSecond(os.getSystemBootTime());
        Instant previous = bootTime;
        if (previous != null && Duration.between(previous, boot).abs().compareTo(BOOT_TIME_TOLERANCE) <= 0) {
            boot = previous;
        }
        bootTime = boot;
        boolean restartPending = switch (platform) {
            case LINUX -> REBOOT_REQUIRED.stream().anyMatch(Files::exists);
            case WINDOWS -> WindowsFacts.restartPending();
            default -> false;
        };
        return new ActivityReport(now, restartPending, boot);
    }

    /** The local accounts; {@code null} (unknown) on systems other than Linux and Windows. */
    private List<UserAccount> users() throws IOException {
        if (platform == PlatformEnum.WINDOWS) {
            return WindowsFacts.localUsers();
        }
        if (platform != PlatformEnum.LINUX) {
            return null;
        }
        String passwd = Files.readString(PASSWD, StandardCharsets.UTF_8);
        if (!Files.isReadable(LASTLOG)) {
            return LinuxAccounts.parse(passwd, uid -> null);
        }
        try (FileChannel lastlog = FileChannel.open(LASTLOG, StandardOpenOption.READ)) {
            return LinuxAccounts.parse(passwd, uid -> {
                try {
                    return LinuxAccounts.lastLogon(lastlog, uid);
                } catch (IOException e) {
                    return null;
                }
            });
        }
    }

    private List<UserSession> sessions(oshi.software.os.OperatingSystem os) {
        List<UserSession> sessions = new ArrayList<>();
        for (OSSession session : os.getSessions()) {
            if (session.getLoginTime() > 0 && session.getUserName() != null) {
                sessions.add(new UserSession(session.getUserName(), null,
                        sessionKind(session.getTerminalDevice(), session.getHost()),
                        Instant.ofEpochMilli(session.getLoginTime()).truncatedTo(ChronoUnit.SECONDS), null));
            }
        }
        return sessions;
    }

    /** "remote" for a session from another host or over RDP, "terminal" for a pseudo-terminal, else "console". */
    static String sessionKind(String terminal, String host) {
        String device = terminal == null ? "" : terminal.toLowerCase(Locale.ROOT);
        String from = host == null ? "" : host.trim();
        if (device.contains("rdp") || !from.isEmpty() && !from.startsWith(":") && !from.equals("localhost")) {
            return "remote";
        }
        return device.startsWith("pts") || device.startsWith("ttys") ? "terminal" : "console";
    }

    private boolean hasSoundCards() {
        return platform != PlatformEnum.LINUX || Files.isDirectory(Path.of("/proc/asound"));
    }

    private SoftwareChanges software(oshi.software.os.OperatingSystem os) throws IOException {
        List<SoftwareEntry> entries = platform == PlatformEnum.LINUX
                ? SoftwareRegistry.linux().orElseThrow(() -> new IOException("no dpkg or rpm package registry"))
                : SoftwareRegistry.fromOshi(os, INSTALLED_APPLICATIONS_TIMEOUT);
        return new SoftwareChanges(entries, List.of(), List.of());
    }

    private static String firstReadable(List<Path> candidates) throws IOException {
        for (Path candidate : candidates) {
            if (Files.isReadable(candidate)) {
                return Files.readString(candidate, StandardCharsets.UTF_8).trim();
            }
        }
        throw new NoSuchFileException(candidates.get(0).toString());
    }
}
