package org.garrison.agent.simulator;

import static org.garrison.agent.simulator.SimulatedDice.between;
import static org.garrison.agent.simulator.SimulatedDice.unit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.garrison.agent.inventory.InventorySource;
import org.garrison.agent.inventory.ReportLimits;
import org.garrison.agent.simulator.SimulatedProfile.Person;
import org.garrison.agent.simulator.SimulatedProfile.Role;
import org.garrison.api.agent.HostFacts;
import org.garrison.api.device.ActivityReport;
import org.garrison.api.device.ApplicationComponent;
import org.garrison.api.device.ApplicationState;
import org.garrison.api.device.ApplicationStatusReport;
import org.garrison.api.device.DeviceIdentity;
import org.garrison.api.device.DeviceNetwork;
import org.garrison.api.device.DomainType;
import org.garrison.api.device.HardwareComponent;
import org.garrison.api.device.InstalledApplication;
import org.garrison.api.device.InventoryReport;
import org.garrison.api.device.LicenceKey;
import org.garrison.api.device.OperatingSystem;
import org.garrison.api.device.OsType;
import org.garrison.api.device.ProtectionState;
import org.garrison.api.device.SoftwareChanges;
import org.garrison.api.device.StatusLevel;
import org.garrison.api.device.UserAccount;
import org.garrison.api.device.UserSession;
import org.garrison.api.device.Virtualisation;
import org.garrison.api.event.NewEvent;

/**
 * A simulated machine of a fleet, for load tests and demonstrations: a realistic mix of Windows, Linux and macOS
 * workstations and servers with real software, hardware, people and events. Everything follows from the seed and
 * the machine's index ({@link SimulatedDice}), and the state at a time is a function of that time, so the same
 * seed gives the same fleet in every run and a machine needs little memory: its fixed traits are built on first
 * use and the changing parts (software updates, sessions, reboots, network moves) are computed when asked.
 */
public final class SimulatedMachine implements InventorySource {

    /** The average number of events a simulated machine reports per hour unless told otherwise. */
    public static final double DEFAULT_EVENTS_PER_HOUR = 2.0;

    /** Events further back than this are not produced: a window after a long pause starts this far back. */
    static final Duration MAX_EVENT_WINDOW = Duration.ofDays(7);

    private static final long DAY = 86_400L;
    private static final long HOUR = 3_600L;
    private static final String AGENT_VERSION = "simulated";
    private static final List<String> PROTECTION_VERSIONS = List.of("12.4.0.467", "12.5.0.520", "12.6.0.438");

    private final long seed;
    private final int index;
    private final double eventsPerHour;
    private final Clock clock;
    private SimulatedProfile profile;
    private SimulatedEvents events;
    private Instant eventsReportedUntil;

    public SimulatedMachine(long seed, int index) {
        this(seed, index, DEFAULT_EVENTS_PER_HOUR);
    }

    /** @param eventsPerHour the average number of events per hour (0 for none) */
    public SimulatedMachine(long seed, int index, double eventsPerHour) {
        this(seed, index, eventsPerHour, Clock.systemUTC());
    }

    /** @param clock the time {@link #collect()} reports the machine at */
    public SimulatedMachine(long seed, int index, double eventsPerHour, Clock clock) {
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative: " + index);
        }
        if (!(eventsPerHour >= 0) || Double.isInfinite(eventsPerHour)) {
            throw new IllegalArgumentException("eventsPerHour must be a non-negative number: " + eventsPerHour);
        }
        this.seed = seed;
        this.index = index;
        this.eventsPerHour = eventsPerHour;
        this.clock = clock;
    }

    private synchronized SimulatedProfile profile() {
        if (profile == null) {
            profile = SimulatedProfile.of(seed, index);
            events = new SimulatedEvents(profile);
        }
        return profile;
    }

    @Override
    public String hardwareId() {
        return UUID.nameUUIDFromBytes(("garrison-simulated-machine/" + seed + "/" + index)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Override
    public HostFacts hostFacts(String agentVersion) {
        SimulatedProfile p = profile();
        return new HostFacts(p.hostname, p.dnsDomain(), p.osType, p.release.name(), p.architecture, agentVersion);
    }

    @Override
    public InventoryReport collect() {
        return inventoryAt(clock.instant());
    }

    /** The machine's full inventory at the given time. */
    public InventoryReport inventoryAt(Instant time) {
        SimulatedProfile p = profile();
        long t = time.getEpochSecond();
        Instant now = Instant.ofEpochSecond(t);
        long boot = lastBoot(p, t);
        long patches = patchesUntil(p, t);
        boolean restartPending = patches > patchesUntil(p, boot);
        List<UserSession> sessions = sessions(p, t);
        return ReportLimits.fit(new InventoryReport(null, true, identity(p), network(p, t), os(p, patchesUntil(p,
                boot)), virtualisation(p), new ActivityReport(now, restartPending, Instant.ofEpochSecond(boot)),
                users(p, t), sessions, hardware(p, t),
                new SoftwareChanges(SimulatedSoftware.at(p, t), List.of(), List.of()),
                p.protection ? List.of(protection(p, t)) : List.of(), List.of()));
    }

    /**
     * The events that happened on the machine since the previous call, up to {@code now}: on the first call, only
     * that the agent started. A later call with an earlier time returns nothing.
     */
    public synchronized List<NewEvent> eventsUntil(Instant now) {
        profile();
        if (eventsReportedUntil == null) {
            eventsReportedUntil = now;
            return List.of(events.agentStarted(now.truncatedTo(ChronoUnit.MILLIS), AGENT_VERSION));
        }
        Instant from = eventsReportedUntil.isBefore(now.minus(MAX_EVENT_WINDOW)) ? now.minus(MAX_EVENT_WINDOW)
                : eventsReportedUntil;
        if (!now.isAfter(from)) {
            return List.of();
        }
        eventsReportedUntil = now;
        return events.between(from, now, eventsPerHour);
    }

    private DeviceIdentity identity(SimulatedProfile p) {
        String dnsName = p.dnsDomain() == null ? p.hostname : p.hostname + "." + p.dnsDomain();
        if (p.osType != OsType.WINDOWS) {
            return new DeviceIdentity(null, null, null, p.dnsDomain(), dnsName, hardwareId());
        }
        return new DeviceIdentity(p.workgroup ? "WORKGROUP" : p.site.windowsDomain(),
                p.workgroup ? DomainType.WORKGROUP : DomainType.ACTIVE_DIRECTORY,
                p.hostname.toUpperCase(Locale.ROOT), p.dnsDomain(), dnsName, hardwareId());
    }

    /** Laptops work from home over the VPN on some days; the other machines keep their office address. */
    private static DeviceNetwork network(SimulatedProfile p, long t) {
        long day = localDay(p, t);
        boolean vpn = p.role == Role.LAPTOP && unit(p.draw(70, day)) < 0.3;
        int high = p.index / 250 % 256;
        int low = p.index % 250 + 2;
        String ipv4 = vpn ? "172.16." + high + "." + low : "10." + p.site.subnet() + "." + high + "." + low;
        String ipv6 = p.ipv6 && !vpn ? "fd00:" + Integer.toHexString(p.site.subnet()) + "::"
                + Integer.toHexString(p.index + 2) : null;
        return new DeviceNetwork(ipv4, ipv6, vpn ? "VPN" : p.site.name(), p.macAddresses);
    }

    private static OperatingSystem os(SimulatedProfile p, long patchesInstalled) {
        return new OperatingSystem(p.osType, p.architecture, p.release.vendor(), p.release.name(),
                p.release.version(), p.release.build(patchesInstalled), p.release.releaseId(),
                p.osType == OsType.WINDOWS ? "C:\\Windows" : "/");
    }

    private static Virtualisation virtualisation(SimulatedProfile p) {
        return p.hypervisor == null ? Virtualisation.physical()
                : new Virtualisation(true, p.hypervisor.name(), p.hypervisor.vmType(), p.vdiDynamic, null);
    }

    /** The last (re)start: workstations every one to five days, servers every one to five weeks. */
    private static long lastBoot(SimulatedProfile p, long t) {
        long period = (long) (p.role == Role.SERVER ? between(p.draw(80), 7, 35) * DAY
                : between(p.draw(80), 1, 5) * DAY);
        long phase = (long) (unit(p.draw(81)) * period);
        return Math.floorDiv(t + phase, period) * period - phase;
    }

    /** How many monthly operating system patches were installed by the time: a restart applies them. */
    private static long patchesUntil(SimulatedProfile p, long t) {
        long period = (long) (between(p.draw(82), 27, 33) * DAY);
        long phase = (long) (unit(p.draw(83)) * period);
        long epoch = SimulatedProfile.EPOCH.getEpochSecond();
        return t < epoch ? 0 : Math.floorDiv(t - epoch + phase, period);
    }

    /** The day number (days since 1970-01-01) at the machine's site. */
    private static long localDay(SimulatedProfile p, long t) {
        return Math.floorDiv(t + p.site.utcOffset() * HOUR, DAY);
    }

    /**
     * A session of the machine's user on a local day, or {@code null}: office hours on working days for
     * workstations, an occasional administrator's remote session on servers.
     */
    private static UserSession sessionOn(SimulatedProfile p, long day) {
        long midnight = day * DAY - p.site.utcOffset() * HOUR;
        Person user = p.sessionUser;
        if (p.role == Role.SERVER) {
            if (unit(p.draw(93, day)) >= 0.3) {
                return null;
            }
            long start = midnight + (long) (between(p.draw(94, day), 8, 18) * HOUR);
            return new UserSession(user.name(), user.domain(), "remote", Instant.ofEpochSecond(start),
                    Instant.ofEpochSecond(start + (long) (between(p.draw(95, day), 0.5, 3) * HOUR)));
        }
        boolean weekday = Math.floorMod(day + 3, 7) < 5;
        if (!weekday || unit(p.draw(90, day)) >= 0.9) {
            return null;
        }
        long start = midnight + (long) (between(p.draw(91, day), 7.5, 9.5) * HOUR);
        long end = start + (long) (between(p.draw(92, day), 8, 10) * HOUR);
        return new UserSession(user.name(), user.domain(), p.vdiDynamic ? "remote" : "console",
                Instant.ofEpochSecond(start), Instant.ofEpochSecond(end));
    }

    /** The sessions that started in the last day and a half, still active if they have not ended yet. */
    private static List<UserSession> sessions(SimulatedProfile p, long t) {
        List<UserSession> sessions = new ArrayList<>();
        long today = localDay(p, t);
        for (long day = today; day >= today - 2; day--) {
            UserSession session = sessionOn(p, day);
            long start = session == null ? Long.MAX_VALUE : session.startedAt().getEpochSecond();
            if (start <= t && start > t - 36 * HOUR) {
                sessions.add(session.endedAt().getEpochSecond() <= t ? session
                        : new UserSession(session.accountName(), session.domain(), session.kind(),
                                session.startedAt(), null));
            }
        }
        return sessions;
    }

    /** The accounts; the machine's user last logged on at the start of their latest session (two weeks back). */
    private static List<UserAccount> users(SimulatedProfile p, long t) {
        Instant lastLogon = null;
        long today = localDay(p, t);
        for (long day = today; day > today - 14 && lastLogon == null; day--) {
            UserSession session = sessionOn(p, day);
            if (session != null && session.startedAt().getEpochSecond() <= t) {
                lastLogon = session.startedAt();
            }
        }
        List<UserAccount> users = new ArrayList<>();
        for (Person person : p.people) {
            users.add(new UserAccount(person.name(), person.domain(), person.fullName(),
                    person.equals(p.sessionUser) ? lastLogon : null));
        }
        return users;
    }

    /** The fixed hardware, plus a USB stick the user plugs in on some working days. */
    private static List<HardwareComponent> hardware(SimulatedProfile p, long t) {
        long day = localDay(p, t);
        UserSession session = sessionOn(p, day);
        boolean stick = p.role != Role.SERVER && session != null && session.endedAt().getEpochSecond() > t
                && unit(p.draw(96, day)) < 0.08;
        if (!stick) {
            return p.hardware;
        }
        List<HardwareComponent> hardware = new ArrayList<>(p.hardware);
        hardware.add(new HardwareComponent("usb-device", "Ultra USB 3.0", "SanDisk", "0781:5591",
                "4C530001" + HexFormat.of().withUpperCase().toHexDigits(p.draw(97)).substring(0, 12), null));
        return hardware;
    }

    /** The endpoint protection application: scans daily, updates now and then, some machines have threats. */
    private static InstalledApplication protection(SimulatedProfile p, long t) {
        long epoch = SimulatedProfile.EPOCH.getEpochSecond();
        long updatePeriod = (long) (between(p.draw(100), 60, 120) * DAY);
        long updates = t < epoch ? 0 : Math.floorDiv(t - epoch + (long) (unit(p.draw(101)) * updatePeriod),
                updatePeriod);
        String version = PROTECTION_VERSIONS.get((int) Math.min(updates, PROTECTION_VERSIONS.size() - 1));
        if (updates >= PROTECTION_VERSIONS.size()) {
            version = "12." + (6 + updates - PROTECTION_VERSIONS.size() + 1) + ".0.400";
        }
        long scanPhase = (long) (unit(p.draw(102)) * DAY);
        long lastScan = Math.floorDiv(t + scanPhase, DAY) * DAY - scanPhase;
        ProtectionState realTime = unit(p.draw(103)) < 0.04 ? ProtectionState.OFF
                : unit(p.draw(104, localDay(p, t))) < 0.02 ? ProtectionState.PAUSED : ProtectionState.ON;
        boolean infected = unit(p.draw(105)) < 0.05;
        long threats = infected && t > epoch ? (t - epoch) / (long) (between(p.draw(106), 20, 60) * DAY) : 0;
        long notDisinfected = threats > 0 && unit(p.draw(107)) < 0.3 ? 1 : 0;
        List<ApplicationStatusReport> reports = new ArrayList<>();
        if (realTime == ProtectionState.OFF) {
            reports.add(new ApplicationStatusReport(StatusLevel.WARNING, "RTP_OFF", "Real-time protection is off"));
        }
        if (notDisinfected > 0) {
            reports.add(new ApplicationStatusReport(StatusLevel.CRITICAL, "OBJECTS_NOT_DISINFECTED",
                    "An infected object could not be disinfected"));
        }
        String componentStatus = realTime == ProtectionState.ON ? "running" : "stopped";
        List<ApplicationComponent> components = new ArrayList<>(List.of(
                new ApplicationComponent("File Threat Protection", version, componentStatus),
                new ApplicationComponent("Web Threat Protection", version,
                        p.role == Role.SERVER ? "not installed" : componentStatus),
                new ApplicationComponent("Behavior Detection", version, componentStatus)));
        if (p.osType == OsType.WINDOWS) {
            components.add(new ApplicationComponent("Firewall", version, "running"));
        }
        String key = "EP-" + HexFormat.of().withUpperCase().toHexDigits(p.draw(108)).substring(0, 16);
        return new InstalledApplication(SimulatedEvents.PROTECTION, "Endpoint Protection", version,
                ApplicationState.RUNNING, realTime, Instant.ofEpochSecond(lastScan), threats, notDisinfected,
                components, new LicenceKey(key, SimulatedProfile.EPOCH.plus(Duration.ofDays(365 + p.index % 90))),
                null, p.installedAt.plus(Duration.ofDays(1)),
                UUID.nameUUIDFromBytes(("garrison-simulated-install/" + p.seed + "/" + p.index)
                        .getBytes(StandardCharsets.UTF_8)).toString(),
                reports, List.of());
    }
}
