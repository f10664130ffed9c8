package org.garrison.agent.simulator;

import static org.garrison.agent.simulator.SimulatedDice.between;
import static org.garrison.agent.simulator.SimulatedDice.hash;
import static org.garrison.agent.simulator.SimulatedDice.pick;
import static org.garrison.agent.simulator.SimulatedDice.unit;

import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.garrison.agent.simulator.SimulatedCatalogue.Family;
import org.garrison.agent.simulator.SimulatedCatalogue.Product;
import org.garrison.agent.simulator.SimulatedFleet.Hypervisor;
import org.garrison.agent.simulator.SimulatedFleet.Model;
import org.garrison.agent.simulator.SimulatedFleet.Release;
import org.garrison.agent.simulator.SimulatedFleet.Site;
import org.garrison.api.device.HardwareComponent;
import org.garrison.api.device.OsType;

/**
 * What does not change about a simulated machine: its role, operating system release, site, names, hardware,
 * people and the products of the catalogue it has. Derived from the seed and index alone.
 */
final class SimulatedProfile {

    /** What a machine is used for. */
    enum Role {
        DESKTOP, LAPTOP, SERVER
    }

    /**
     * A person's account on the machine.
     *
     * @param name     the account name
     * @param domain   the account's domain, or {@code null} for a local account
     * @param fullName the person's name, or {@code null} for a built-in account
     */
    record Person(String name, String domain, String fullName) {
    }

    /** When the simulated history starts: updates are counted from here. */
    static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    static final int MIN_SOFTWARE = 80;
    static final int MAX_SOFTWARE = 300;
    /** The share of a machine's products that are installed and removed now and then. */
    private static final double TRANSIENT_SHARE = 0.06;

    /** Packages of Linux itself, which the ports of the other systems do not have. */
    private static final Pattern LINUX_ONLY = Pattern.compile("^(lib)?(systemd|udev|grub|apt|dpkg|debconf|"
            + "debianutils|linux-image|apparmor|init-system-helpers|lsb-release|kmod|base-files|base-passwd|adduser|"
            + "ifupdown|isc-dhcp-client|network-manager|gdm3|gnome-shell|hyperv-daemons|ufw|unattended-upgrades|"
            + "python3-apt|pam-systemd|mdatp|falcon-sensor|docker|containerd|podman|cloud-init|lvm2|mdadm|"
            + "xfsprogs|parted|e2fsprogs|util-linux|mount|bsdutils|login|passwd|procps|iproute2|whiptail|"
            + "locales|libc|linux).*");
    /** Debian's own tools, which RPM-based distributions do not have. */
    private static final Pattern DEBIAN_ONLY = Pattern.compile("^(apt|dpkg|debconf|debianutils|base-files|"
            + "base-passwd|adduser|ifupdown|isc-dhcp-client|unattended-upgrades|python3-apt|lsb-release|whiptail|"
            + "sensible-utils|init-system-helpers|linux-image-amd64|mawk|dash|groff-base|netbase|readline-common|"
            + "gdm3|build-essential|default-jre-headless)$");

    final long seed;
    final int index;
    final Role role;
    final OsType osType;
    final Release release;
    final String architecture;
    final Site site;
    final String hostname;
    final boolean workgroup;
    final Model model;
    /** {@code null} for a physical machine. */
    final Hypervisor hypervisor;
    final boolean vdiDynamic;
    final List<String> macAddresses;
    final boolean ipv6;
    final List<Person> people;
    /** The person whose sessions the machine sees. */
    final Person sessionUser;
    final List<HardwareComponent> hardware;
    /** Indexes into the catalogue's products of the family, ascending. */
    final int[] products;
    /**
     * Which of the {@link #products} come and go (installed for a while, then removed): a few, and never so many
     * that the machine has fewer than {@value #MIN_SOFTWARE} products at any time.
     */
    final BitSet transientProducts;
    final boolean protection;
    final Instant installedAt;

    private SimulatedProfile(long seed, int index) {
        this.seed = seed;
        this.index = index;
        double os = unit(draw(1));
        if (os < 0.70) {
            osType = OsType.WINDOWS;
            role = unit(draw(2)) < 0.15 ? Role.SERVER : unit(draw(3)) < 0.45 ? Role.LAPTOP : Role.DESKTOP;
            release = weighted(draw(4), role == Role.SERVER ? SimulatedFleet.WINDOWS_SERVERS
                    : SimulatedFleet.WINDOWS_WORKSTATIONS);
        } else if (os < 0.90) {
            osType = OsType.LINUX;
            role = unit(draw(2)) < 0.75 ? Role.SERVER : Role.DESKTOP;
            release = weighted(draw(4), SimulatedFleet.LINUX);
        } else if (os < 0.98) {
            osType = OsType.MACOS;
            role = unit(draw(3)) < 0.7 ? Role.LAPTOP : Role.DESKTOP;
            release = weighted(draw(4), SimulatedFleet.MACOS);
        } else {
            osType = OsType.OTHER;
            role = Role.SERVER;
            release = weighted(draw(4), SimulatedFleet.OTHER);
        }
        site = role == Role.SERVER ? SimulatedFleet.DATACENTER
                : SimulatedFleet.OFFICES.get(unit(draw(5)) < 0.6 ? 0 : unit(draw(6)) < 0.5 ? 1 : 2);
        hostname = prefix() + String.format(Locale.ROOT, "%05d", index);
        workgroup = osType == OsType.WINDOWS && unit(draw(7)) < 0.08;
        boolean virtual = osType != OsType.MACOS && role != Role.LAPTOP && unit(draw(8)) < (role == Role.SERVER
                ? 0.75 : 0.3);
        hypervisor = virtual ? weighted(draw(9), SimulatedFleet.HYPERVISORS, Hypervisor::weight) : null;
        vdiDynamic = virtual && role == Role.DESKTOP && unit(draw(10)) < 0.3;
        model = pick(draw(11), switch (osType) {
            case MACOS -> SimulatedFleet.MACS;
            default -> role == Role.SERVER ? SimulatedFleet.SERVERS
                    : role == Role.LAPTOP ? SimulatedFleet.LAPTOPS : SimulatedFleet.DESKTOPS;
        });
        architecture = osType == OsType.MACOS ? "arm64" : "x86_64";
        int adapters = hypervisor != null ? 1 : model.adapters().size();
        List<String> macs = new ArrayList<>();
        for (int i = 0; i < adapters; i++) {
            long bytes = draw(20 + i);
            macs.add((hypervisor != null ? hypervisor.oui() : model.ouiPrefix()) + ":" + HexFormat.ofDelimiter(":")
                    .formatHex(new byte[] {(byte) bytes, (byte) (bytes >>> 8), (byte) (bytes >>> 16)}));
        }
        macAddresses = List.copyOf(macs);
        ipv6 = unit(draw(12)) < 0.35;
        people = people();
        sessionUser = people.get(people.size() > 1 && osType != OsType.MACOS ? 1 : 0);
        hardware = hardware();
        products = products();
        transientProducts = transientProducts();
        protection = unit(draw(13)) < switch (osType) {
            case WINDOWS -> 0.85;
            case MACOS -> 0.6;
            case LINUX -> 0.4;
            default -> 0.0;
        };
        installedAt = EPOCH.minusSeconds((long) between(draw(14), 30, 900) * 86_400L);
    }

    static SimulatedProfile of(long seed, int index) {
        return new SimulatedProfile(seed, index);
    }

    Family family() {
        return release.family();
    }

    /** A hash of this machine's seed, index and the given decision. */
    long draw(long... what) {
        long[] parts = Arrays.copyOf(new long[] {seed, index}, 2 + what.length);
        System.arraycopy(what, 0, parts, 2, what.length);
        return hash(parts);
    }

    String dnsDomain() {
        return workgroup ? null : site.dnsDomain();
    }

    private String prefix() {
        return switch (osType) {
            case WINDOWS -> role == Role.SERVER ? "srv-" : "ws-";
            case LINUX -> role == Role.SERVER ? "lnx-" : "lws-";
            case MACOS -> "mac-";
            default -> "bsd-";
        };
    }

    private static Release weighted(long hash, List<Release> releases) {
        return weighted(hash, releases, Release::weight);
    }

    private static <T> T weighted(long hash, List<T> items, ToIntFunction<T> weight) {
        int total = items.stream().mapToInt(weight).sum();
        int target = SimulatedDice.below(hash, total);
        for (T item : items) {
            target -= weight.applyAsInt(item);
            if (target < 0) {
                return item;
            }
        }
        return items.get(items.size() - 1);
    }

    private List<Person> people() {
        List<Person> accounts = new ArrayList<>();
        String first = pick(draw(30), SimulatedFleet.FIRST_NAMES);
        String last = pick(draw(31), SimulatedFleet.LAST_NAMES);
        String domain = workgroup || osType != OsType.WINDOWS ? null : site.windowsDomain();
        switch (osType) {
            case WINDOWS -> {
                accounts.add(new Person("Administrator", null, null));
                accounts.add(new Person(ascii(first + "." + last), domain, first + " " + last));
                if (role != Role.SERVER && unit(draw(32)) < 0.3) {
                    String other = pick(draw(33), SimulatedFleet.FIRST_NAMES);
                    String otherLast = pick(draw(34), SimulatedFleet.LAST_NAMES);
                    accounts.add(new Person(ascii(other + "." + otherLast), domain, other + " " + otherLast));
                }
            }
            case MACOS -> accounts.add(new Person(ascii(first.charAt(0) + last), null, first + " " + last));
            default -> {
                accounts.add(new Person("root", null, "root"));
                accounts.add(new Person(ascii(first.charAt(0) + last), null, first + " " + last));
                if (role == Role.SERVER) {
                    accounts.add(new Person("ansible", null, "Ansible automation"));
                }
            }
        }
        return List.copyOf(accounts);
    }

    private static String ascii(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("[^\\p{ASCII}]", "").replace("'", "")
                .toLowerCase(Locale.ROOT);
    }

    private List<HardwareComponent> hardware() {
        List<HardwareComponent> parts = new ArrayList<>();
        SimulatedFleet.Cpu cpu = model.processor();
        String serial = HexFormat.of().withUpperCase().toHexDigits(draw(40)).substring(0, 7);
        if (hypervisor != null) {
            int cores = role == Role.SERVER ? 4 << SimulatedDice.below(draw(41), 3) : 2 << SimulatedDice.below(
                    draw(41), 2);
            parts.add(new HardwareComponent("computer-system", hypervisor.model(), hypervisor.vendor(),
                    hypervisor.model(), "VM-" + serial, null));
            parts.add(new HardwareComponent("processor", cpu.name(), cpu.vendor(), null, null,
                    cores + " cores, " + cores + " logical processors, " + String.format(Locale.ROOT, "%.2f GHz",
                            cpu.mhz() / 1000.0)));
            parts.add(new HardwareComponent("memory", "System memory", null, null, null,
                    (role == Role.SERVER ? 16 : 8) * (1 + SimulatedDice.below(draw(42), 4)) + " GiB"));
            parts.add(new HardwareComponent("disk", hypervisor.disk(), null, hypervisor.disk(), null,
                    "size " + (role == Role.SERVER ? 200 : 128) * (1 + SimulatedDice.below(draw(43), 4)) + " GB"));
            parts.add(new HardwareComponent("network-adapter", hypervisor.adapter(), null, null, null,
                    "mac " + macAddresses.get(0)));
            parts.add(new HardwareComponent("graphics-card", hypervisor.graphics(), null, null, null, null));
            return List.copyOf(parts);
        }
        parts.add(new HardwareComponent("computer-system", model.model(), model.vendor(), model.model(), serial,
                null));
        parts.add(new HardwareComponent("motherboard", model.model(), model.vendor(),
                "0" + serial.substring(0, 5), "/" + serial + "/CNWS" + index, null));
        parts.add(new HardwareComponent("firmware", osType == OsType.MACOS ? "iBoot" : "BIOS", model.vendor(),
                osType == OsType.MACOS ? "10151.41.12" : "1." + (10 + SimulatedDice.below(draw(44), 15)) + ".0",
                null, "released 2024-0" + (1 + SimulatedDice.below(draw(45), 9)) + "-15"));
        parts.add(new HardwareComponent("processor", cpu.name(), cpu.vendor(), null, null,
                cpu.cores() + " cores, " + cpu.threads() + " logical processors, 1 package, "
                        + String.format(Locale.ROOT, "%.2f GHz", cpu.mhz() / 1000.0)));
        int gib = pick(draw(46), model.memoryGiB());
        int modules = osType == OsType.MACOS ? 0 : gib >= 64 ? 8 : gib >= 16 ? 2 : 1;
        if (modules == 0) {
            parts.add(new HardwareComponent("memory", "Unified memory", "Apple", null, null, gib + " GiB"));
        }
        String[] memory = pick(draw(47), SimulatedFleet.MEMORY_MODULES);
        int perModule = gib / Math.max(modules, 1);
        String part = memory[perModule >= 32 ? 3 : perModule >= 16 ? 2 : 1];
        for (int i = 0; i < modules; i++) {
            parts.add(new HardwareComponent("memory", "DIMM " + i, memory[0], part,
                    HexFormat.of().withUpperCase().toHexDigits(draw(48, i)).substring(0, 8),
                    perModule + " GiB DDR4 3200 MHz"));
        }
        parts.add(new HardwareComponent("disk", model.disk(), null, model.disk(),
                HexFormat.of().withUpperCase().toHexDigits(draw(49)).substring(0, 12), "size "
                        + (role == Role.SERVER ? 1920 : 512) + " GB"));
        for (int i = 0; i < model.adapters().size(); i++) {
            parts.add(new HardwareComponent("network-adapter", model.adapters().get(i), null, null, null,
                    "mac " + macAddresses.get(i)));
        }
        if (model.graphics() != null) {
            parts.add(new HardwareComponent("graphics-card", model.graphics()[0], model.graphics()[1], null, null,
                    null));
        }
        if (model.soundCard() != null) {
            parts.add(new HardwareComponent("sound-card", model.soundCard(), null, null, null, null));
        }
        if (role != Role.SERVER && unit(draw(50)) < 0.4) {
            parts.add(new HardwareComponent("usb-device", "USB Receiver", "Logitech", "046d:c52b", null, null));
        }
        if (role != Role.SERVER && unit(draw(51)) < 0.2) {
            parts.add(new HardwareComponent("usb-device", "YubiKey OTP+FIDO+CCID", "Yubico", "1050:0407",
                    Long.toString(10_000_000 + SimulatedDice.below(draw(52), 89_999_999)), null));
        }
        return List.copyOf(parts);
    }

    /** Whether the product exists for the machine's system: Linux packages differ between distributions. */
    private boolean eligible(Product product) {
        if (osType == OsType.OTHER) {
            return !LINUX_ONLY.matcher(product.name()).matches();
        }
        boolean debianLike = "Debian".equals(release.packager()) || "Ubuntu Developers".equals(release.packager());
        return osType != OsType.LINUX || debianLike || !DEBIAN_ONLY.matcher(product.name()).matches();
    }

    private BitSet transientProducts() {
        BitSet chosen = new BitSet(products.length);
        int allowed = products.length - MIN_SOFTWARE;
        for (int i = 0; i < products.length && chosen.cardinality() < allowed; i++) {
            if (unit(draw(62, products[i])) < TRANSIENT_SHARE) {
                chosen.set(i);
            }
        }
        return chosen;
    }

    /**
     * The catalogue products the machine has: each with the product's popularity scaled by how much software this
     * machine carries, the hypervisor's guest tools on a virtual machine, and between {@value #MIN_SOFTWARE} and
     * {@value #MAX_SOFTWARE} in all.
     */
    private int[] products() {
        List<Product> catalogue = SimulatedCatalogue.standard().products(family());
        double richness = switch (family()) {
            case WINDOWS -> between(draw(60), 1.4, 4.5);
            case LINUX -> between(draw(60), 0.8, 2.0);
            case MACOS -> between(draw(60), 1.0, 1.8);
        };
        boolean[] chosen = new boolean[catalogue.size()];
        int count = 0;
        for (int i = 0; i < catalogue.size(); i++) {
            Product product = catalogue.get(i);
            boolean eligible = eligible(product);
            boolean guestTool = product.popularity() == 0 && hypervisor != null
                    && hypervisor.guestTools().contains(product.name());
            if (eligible && (guestTool || unit(draw(61, i)) < Math.min(1.0, product.popularity() * richness))) {
                chosen[i] = true;
                count++;
            }
        }
        List<Integer> byPopularity = IntStream.range(0, catalogue.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -catalogue.get(i).popularity())).toList();
        for (int i : byPopularity) {
            if (count >= MIN_SOFTWARE) {
                break;
            }
            if (!chosen[i] && eligible(catalogue.get(i)) && catalogue.get(i).popularity() > 0) {
                chosen[i] = true;
                count++;
            }
        }
        return IntStream.range(0, catalogue.size()).filter(i -> chosen[i]).limit(MAX_SOFTWARE).toArray();
    }
}
