package org.garrison.agent.inventory;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.garrison.api.device.Virtualisation;

/**
 * Whether the machine is a virtual machine, and on which hypervisor. On Linux {@code systemd-detect-virt --vm}
 * knows best; elsewhere (and as a fallback) the system's manufacturer and model as the firmware reports them name
 * the hypervisor, and the CPU's hypervisor flag tells a virtual machine whose hypervisor is not recognised.
 */
final class VirtualisationProbe {

    /** Hypervisor names by {@code systemd-detect-virt} identifier. */
    private static final Map<String, String> SYSTEMD_NAMES = Map.ofEntries(Map.entry("kvm", "KVM"),
            Map.entry("qemu", "QEMU"), Map.entry("vmware", "VMware"), Map.entry("microsoft", "Hyper-V"),
            Map.entry("oracle", "VirtualBox"), Map.entry("xen", "Xen"), Map.entry("bochs", "Bochs"),
            Map.entry("parallels", "Parallels"), Map.entry("bhyve", "bhyve"), Map.entry("amazon", "Amazon EC2"),
            Map.entry("google", "Google Compute Engine"), Map.entry("acrn", "ACRN"), Map.entry("powervm", "PowerVM"),
            Map.entry("zvm", "z/VM"), Map.entry("apple", "Apple Virtualization"), Map.entry("qnx", "QNX"),
            Map.entry("sre", "SRE"), Map.entry("uml", "User-mode Linux"));

    /** Hypervisors recognised in a system manufacturer or model, by lower-case fragment, and their vm type. */
    private static final List<String[]> VENDOR_HINTS = List.of(new String[] {"vmware", "VMware", "vmware"},
            new String[] {"virtualbox", "VirtualBox", "oracle"}, new String[] {"innotek", "VirtualBox", "oracle"},
            new String[] {"qemu", "QEMU", "qemu"}, new String[] {"kvm", "KVM", "kvm"},
            new String[] {"virtual machine", "Hyper-V", "microsoft"}, new String[] {"hyper-v", "Hyper-V", "microsoft"},
            new String[] {"xen", "Xen", "xen"}, new String[] {"parallels", "Parallels", "parallels"},
            new String[] {"amazon ec2", "Amazon EC2", "amazon"},
            new String[] {"google compute engine", "Google Compute Engine", "google"},
            new String[] {"bochs", "Bochs", "bochs"}, new String[] {"bhyve", "bhyve", "bhyve"});

    private VirtualisationProbe() {
    }

    /**
     * @param manufacturer the system manufacturer the firmware reports, or {@code null}
     * @param model        the system model, or {@code null}
     * @param cpuFlags     the CPU feature flags (OSHI's lines of flags), searched for {@code hypervisor}
     * @param linux        whether to ask systemd-detect-virt
     */
    static Virtualisation detect(String manufacturer, String model, List<String> cpuFlags, boolean linux) {
        if (linux) {
            Optional<String> detected = ExternalCommand.run(Duration.ofSeconds(2),
                    List.of("systemd-detect-virt", "--vm")).map(String::trim);
            // systemd-detect-virt exits 1 and prints "none" on a physical machine, so only a hit is conclusive.
            if (detected.isPresent() && !detected.get().isEmpty() && !detected.get().equals("none")) {
                String id = detected.get();
                return new Virtualisation(true, SYSTEMD_NAMES.getOrDefault(id, id), id, false, null);
            }
        }
        return fromHints(manufacturer, model, cpuFlags);
    }

    /** Detection from what the firmware and the CPU say. */
    static Virtualisation fromHints(String manufacturer, String model, List<String> cpuFlags) {
        String system = ((manufacturer == null ? "" : manufacturer) + " " + (model == null ? "" : model))
                .toLowerCase(Locale.ROOT);
        for (String[] hint : VENDOR_HINTS) {
            if (system.contains(hint[0])) {
                return new Virtualisation(true, hint[1], hint[2], false, null);
            }
        }
        boolean hypervisorFlag = cpuFlags.stream()
                .anyMatch(line -> List.of(line.toLowerCase(Locale.ROOT).split("[\\s:,]+")).contains("hypervisor"));
        return hypervisorFlag ? new Virtualisation(true, null, null, false, null) : Virtualisation.physical();
    }
}
