package org.garrison.agent.simulator;

import java.util.List;

import org.garrison.agent.simulator.SimulatedCatalogue.Family;

/**
 * The make-up of a simulated fleet: sites, operating system releases, hardware models and people, with real names.
 * Constant tables shared by all simulated machines.
 */
final class SimulatedFleet {

    private SimulatedFleet() {
    }

    /**
     * A site of the organisation.
     *
     * @param name          the network location name
     * @param dnsDomain     its DNS domain
     * @param windowsDomain its Active Directory domain (NetBIOS form)
     * @param subnet        the second octet of its 10.x.0.0/16 network
     * @param utcOffset     its time zone's offset from UTC, in hours
     */
    record Site(String name, String dnsDomain, String windowsDomain, int subnet, int utcOffset) {
    }

    static final List<Site> OFFICES = List.of(new Site("Headquarters", "corp.example.com", "CORP", 10, 1),
            new Site("Lyon office", "lyon.corp.example.com", "CORP", 20, 1),
            new Site("Boston office", "bos.corp.example.com", "CORP", 30, -5));
    static final Site DATACENTER = new Site("Datacenter", "dc.example.net", "DC", 40, 0);

    /**
     * An operating system release.
     *
     * @param family    the catalogue family of its software
     * @param name      e.g. "Windows 11 Enterprise"
     * @param vendor    e.g. "Microsoft Corporation"
     * @param version   e.g. "10.0"
     * @param build     the build, with {@code #} where the patch level goes (e.g. "22631.#")
     * @param patchBase the patch level when the simulation starts
     * @param releaseId e.g. "23H2", or {@code null}
     * @param packager  the vendor of the distribution's packages (Linux), or {@code null}
     * @param server    whether it is a server release
     * @param weight    its share among the releases of its kind
     */
    record Release(Family family, String name, String vendor, String version, String build, int patchBase,
            String releaseId, String packager, boolean server, int weight) {

        /** The build after {@code patches} patches. */
        String build(long patches) {
            return build.replace("#", Long.toString(patchBase + patches));
        }
    }

    static final List<Release> WINDOWS_WORKSTATIONS = List.of(
            new Release(Family.WINDOWS, "Windows 11 Enterprise", "Microsoft Corporation", "10.0", "22631.#", 4317,
                    "23H2", null, false, 30),
            new Release(Family.WINDOWS, "Windows 11 Pro", "Microsoft Corporation", "10.0", "22631.#", 4317, "23H2",
                    null, false, 15),
            new Release(Family.WINDOWS, "Windows 11 Enterprise", "Microsoft Corporation", "10.0", "26100.#", 2033,
                    "24H2", null, false, 20),
            new Release(Family.WINDOWS, "Windows 10 Enterprise", "Microsoft Corporation", "10.0", "19045.#", 5011,
                    "22H2", null, false, 25),
            new Release(Family.WINDOWS, "Windows 10 Pro", "Microsoft Corporation", "10.0", "19045.#", 5011, "22H2",
                    null, false, 10));
    static final List<Release> WINDOWS_SERVERS = List.of(
            new Release(Family.WINDOWS, "Windows Server 2022 Standard", "Microsoft Corporation", "10.0", "20348.#",
                    2700, "21H2", null, true, 45),
            new Release(Family.WINDOWS, "Windows Server 2022 Datacenter", "Microsoft Corporation", "10.0",
                    "20348.#", 2700, "21H2", null, true, 20),
            new Release(Family.WINDOWS, "Windows Server 2019 Standard", "Microsoft Corporation", "10.0", "17763.#",
                    6293, "1809", null, true, 35));
    static final List<Release> LINUX = List.of(
            new Release(Family.LINUX, "Ubuntu 22.04.5 LTS", "Canonical", "22.04", "5.15.0-#-generic", 122, "jammy",
                    "Ubuntu Developers", true, 30),
            new Release(Family.LINUX, "Ubuntu 24.04.1 LTS", "Canonical", "24.04", "6.8.0-#-generic", 45, "noble",
                    "Ubuntu Developers", true, 20),
            new Release(Family.LINUX, "Debian GNU/Linux 12 (bookworm)", "Debian", "12", "6.1.0-#-amd64", 25,
                    "bookworm", "Debian", true, 20),
            new Release(Family.LINUX, "Red Hat Enterprise Linux 9.4 (Plow)", "Red Hat", "9.4",
                    "5.14.0-427.#.1.el9_4.x86_64", 40, null, "Red Hat, Inc.", true, 15),
            new Release(Family.LINUX, "Rocky Linux 9.4 (Blue Onyx)", "Rocky Enterprise Software Foundation", "9.4",
                    "5.14.0-427.#.1.el9_4.x86_64", 40, null, "Rocky Enterprise Software Foundation", true, 10),
            new Release(Family.LINUX, "SUSE Linux Enterprise Server 15 SP5", "SUSE", "15.5",
                    "5.14.21-150500.55.#-default", 80, null, "SUSE LLC", true, 5));
    static final List<Release> MACOS = List.of(
            new Release(Family.MACOS, "macOS Sonoma", "Apple Inc.", "14.7", "23H#", 124, "Sonoma", null, false, 45),
            new Release(Family.MACOS, "macOS Sequoia", "Apple Inc.", "15.1", "24B#", 83, "Sequoia", null, false, 40),
            new Release(Family.MACOS, "macOS Ventura", "Apple Inc.", "13.7", "22H#", 123, "Ventura", null, false,
                    15));
    /** The rare systems that are neither Windows, Linux nor macOS; their ports have Linux package names. */
    static final List<Release> OTHER = List.of(
            new Release(Family.LINUX, "FreeBSD 14.1-RELEASE", "The FreeBSD Project", "14.1", "14.1-RELEASE-p#", 5,
                    null, "FreeBSD Ports", true, 1));

    /**
     * A computer model.
     *
     * @param vendor       the system manufacturer
     * @param model        the system model
     * @param ouiPrefix    the first three bytes of its network adapters' MAC addresses
     * @param processor    processor name, vendor, cores, threads
     * @param disk         disk model
     * @param adapters     network adapter names
     * @param graphics     graphics card name and vendor, or {@code null}
     * @param soundCard    sound card name, or {@code null}
     * @param memoryGiB    total memory options
     */
    record Model(String vendor, String model, String ouiPrefix, Cpu processor, String disk, List<String> adapters,
            String[] graphics, String soundCard, List<Integer> memoryGiB) {
    }

    /** A processor: name, vendor, cores, logical processors, base clock in MHz. */
    record Cpu(String name, String vendor, int cores, int threads, int mhz) {
    }

    private static final Cpu I5_10500 = new Cpu("Intel(R) Core(TM) i5-10500 CPU @ 3.10GHz", "GenuineIntel", 6, 12,
            3100);
    private static final Cpu I7_1265U = new Cpu("12th Gen Intel(R) Core(TM) i7-1265U", "GenuineIntel", 10, 12, 1800);
    private static final Cpu I5_1345U = new Cpu("13th Gen Intel(R) Core(TM) i5-1345U", "GenuineIntel", 10, 12, 1600);
    private static final Cpu RYZEN_5650G = new Cpu("AMD Ryzen 5 PRO 5650G with Radeon Graphics", "AuthenticAMD", 6,
            12, 3900);
    private static final Cpu XEON_6338 = new Cpu("Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz", "GenuineIntel", 32, 64,
            2000);
    private static final Cpu EPYC_7443P = new Cpu("AMD EPYC 7443P 24-Core Processor", "AuthenticAMD", 24, 48, 2850);
    private static final Cpu APPLE_M2 = new Cpu("Apple M2", "Apple", 8, 8, 3490);
    private static final Cpu APPLE_M1_PRO = new Cpu("Apple M1 Pro", "Apple", 10, 10, 3220);

    private static final String[] INTEL_UHD = {"Intel(R) UHD Graphics 630", "Intel Corporation"};
    private static final String[] INTEL_IRIS = {"Intel(R) Iris(R) Xe Graphics", "Intel Corporation"};
    private static final String[] RADEON = {"AMD Radeon(TM) Graphics", "Advanced Micro Devices, Inc."};
    private static final String[] MATROX = {"Matrox G200eR2", "Matrox Electronic Systems Ltd."};

    static final List<Model> DESKTOPS = List.of(
            new Model("Dell Inc.", "OptiPlex 7090", "b0:7b:25", I5_10500, "KXG60ZNV512G TOSHIBA",
                    List.of("Intel(R) Ethernet Connection (11) I219-LM"), INTEL_UHD, "Realtek High Definition Audio",
                    List.of(8, 16, 32)),
            new Model("HP", "HP EliteDesk 805 G8 Desktop Mini PC", "3c:52:82", RYZEN_5650G,
                    "SAMSUNG MZVL2512HCJQ-00BH1", List.of("Realtek PCIe GbE Family Controller"), RADEON,
                    "Realtek High Definition Audio", List.of(16, 32)),
            new Model("LENOVO", "ThinkCentre M70q Gen 3", "e8:6a:64", I5_10500, "WDC PC SN530 SDBPNPZ-512G-1006",
                    List.of("Intel(R) Ethernet Connection (17) I219-V"), INTEL_UHD,
                    "Realtek High Definition Audio", List.of(8, 16)));
    static final List<Model> LAPTOPS = List.of(
            new Model("Dell Inc.", "Latitude 7440", "d4:81:d7", I5_1345U, "Micron 2450 NVMe 512GB",
                    List.of("Intel(R) Wi-Fi 6E AX211 160MHz"), INTEL_IRIS, "Intel(R) Smart Sound Technology",
                    List.of(16, 32)),
            new Model("HP", "HP EliteBook 840 G9 Notebook PC", "6c:02:e0", I7_1265U, "SAMSUNG MZVL4512HBLU-00BH1",
                    List.of("Intel(R) Wi-Fi 6E AX211 160MHz", "Realtek USB GbE Family Controller"), INTEL_IRIS,
                    "Realtek High Definition Audio", List.of(16, 32)),
            new Model("LENOVO", "ThinkPad T14 Gen 3", "38:f3:ab", I7_1265U, "SKHynix_HFS512GDE9X081N",
                    List.of("Intel(R) Wi-Fi 6E AX211 160MHz", "Intel(R) Ethernet Connection (16) I219-LM"),
                    INTEL_IRIS, "Realtek High Definition Audio", List.of(16, 32)));
    static final List<Model> SERVERS = List.of(
            new Model("Dell Inc.", "PowerEdge R650", "b4:45:06", XEON_6338, "PERC H755 Front",
                    List.of("Broadcom NetXtreme E-Series Dual-port 25Gb SFP28 Ethernet OCP 3.0 Adapter",
                            "Broadcom NetXtreme Gigabit Ethernet"), MATROX, null, List.of(128, 256, 512)),
            new Model("HPE", "ProLiant DL380 Gen10 Plus", "94:40:c9", XEON_6338, "HPE LOGICAL VOLUME",
                    List.of("HPE Ethernet 10/25Gb 2-port SFP28 BCM57414 OCP3 Adapter"), MATROX, null,
                    List.of(128, 256)),
            new Model("Lenovo", "ThinkSystem SR645", "7c:d3:0a", EPYC_7443P, "ThinkSystem RAID 940-8i",
                    List.of("Broadcom 57416 10GBASE-T 2-port OCP Ethernet Adapter"), MATROX, null,
                    List.of(256, 512)));
    static final List<Model> MACS = List.of(
            new Model("Apple Inc.", "Mac14,2", "a4:83:e7", APPLE_M2, "APPLE SSD AP0512Z", List.of("Wi-Fi"),
                    new String[] {"Apple M2", "Apple"}, "MacBook Air Speakers", List.of(8, 16, 24)),
            new Model("Apple Inc.", "MacBookPro18,3", "f0:18:98", APPLE_M1_PRO, "APPLE SSD AP1024R",
                    List.of("Wi-Fi"), new String[] {"Apple M1 Pro", "Apple"}, "MacBook Pro Speakers",
                    List.of(16, 32)),
            new Model("Apple Inc.", "Mac14,3", "14:98:77", APPLE_M2, "APPLE SSD AP0256Z",
                    List.of("Ethernet", "Wi-Fi"), new String[] {"Apple M2", "Apple"}, null, List.of(8, 16)));

    /**
     * A hypervisor a simulated virtual machine runs on.
     *
     * @param name       as reported in the virtualisation section
     * @param vmType     its identifier
     * @param vendor     the virtual machine's system manufacturer
     * @param model      its system model
     * @param oui        its virtual adapters' MAC prefix
     * @param disk       its virtual disk's model
     * @param adapter    its virtual network adapter
     * @param graphics   its virtual graphics adapter
     * @param guestTools the catalogue names of its guest tools
     * @param weight     its share among virtual machines
     */
    record Hypervisor(String name, String vmType, String vendor, String model, String oui, String disk,
            String adapter, String graphics, List<String> guestTools, int weight) {
    }

    static final List<Hypervisor> HYPERVISORS = List.of(
            new Hypervisor("VMware", "vmware", "VMware, Inc.", "VMware7,1", "00:50:56", "VMware Virtual disk",
                    "vmxnet3 Ethernet Adapter", "VMware SVGA 3D", List.of("VMware Tools", "open-vm-tools"), 45),
            new Hypervisor("Hyper-V", "microsoft", "Microsoft Corporation", "Virtual Machine", "00:15:5d",
                    "Msft Virtual Disk", "Microsoft Hyper-V Network Adapter", "Microsoft Hyper-V Video",
                    List.of("hyperv-daemons"), 35),
            new Hypervisor("KVM", "kvm", "QEMU", "Standard PC (Q35 + ICH9, 2009)", "52:54:00", "QEMU HARDDISK",
                    "Red Hat VirtIO Ethernet Adapter", "Red Hat QXL controller", List.of("qemu-guest-agent"), 15),
            new Hypervisor("VirtualBox", "oracle", "innotek GmbH", "VirtualBox", "08:00:27", "VBOX HARDDISK",
                    "Intel(R) PRO/1000 MT Desktop Adapter", "VirtualBox Graphics Adapter",
                    List.of("Oracle VM VirtualBox Guest Additions 7.0.12"), 5));

    /** Memory modules: vendor, part number (per size 8, 16, 32 GiB). */
    static final List<String[]> MEMORY_MODULES = List.of(
            new String[] {"Samsung", "M471A1K43DB1-CWE", "M471A2K43EB1-CWE", "M471A4G43AB1-CWE"},
            new String[] {"SK Hynix", "HMA81GS6DJR8N-XN", "HMA82GS6DJR8N-XN", "HMAA4GS6AJR8N-XN"},
            new String[] {"Micron", "MTA8ATF1G64HZ-3G2J1", "MTA16ATF2G64HZ-3G2J1", "MTA16ATF4G64HZ-3G2F1"},
            new String[] {"Kingston", "KVR32S22S8/8", "KVR32S22D8/16", "KVR32S22D8/32"});

    static final List<String> FIRST_NAMES = List.of("Alice", "Bruno", "Chloé", "David", "Emma", "Farid", "Grace",
            "Hugo", "Inès", "James", "Karin", "Lucas", "Maya", "Noah", "Olivia", "Pierre", "Quinn", "Rosa",
            "Samuel", "Tara", "Ugo", "Vera", "William", "Xenia", "Yusuf", "Zoé", "Anna", "Ben", "Clara", "Daniel");
    static final List<String> LAST_NAMES = List.of("Martin", "Bernard", "Dubois", "Smith", "Johnson", "Garcia",
            "Müller", "Schmidt", "Rossi", "Nguyen", "Kowalski", "Andersen", "Silva", "Brown", "Taylor", "Moreau",
            "Laurent", "Fischer", "Weber", "Novak", "Jensen", "Costa", "Murphy", "O'Brien", "Chen", "Kim", "Sato",
            "Haddad", "Petit", "Roux");
}
