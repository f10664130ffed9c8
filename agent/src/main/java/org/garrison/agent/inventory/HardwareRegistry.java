package org.garrison.agent.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

import org.garrison.api.device.HardwareComponent;

import oshi.hardware.Baseboard;
import oshi.hardware.CentralProcessor;
import oshi.hardware.ComputerSystem;
import oshi.hardware.Firmware;
import oshi.hardware.GlobalMemory;
import oshi.hardware.GraphicsCard;
import oshi.hardware.HWDiskStore;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.NetworkIF;
import oshi.hardware.PhysicalMemory;
import oshi.hardware.SoundCard;
import oshi.hardware.UsbDevice;

/**
 * The machine's hardware registry as OSHI sees it, one {@link HardwareComponent} per part. Only facts that do not
 * change while the machine runs go in (no current clock speeds or counters), so the registry changes only when the
 * hardware does. Categories: {@value #PROCESSOR}, {@value #MEMORY}, {@value #DISK}, {@value #NETWORK_ADAPTER},
 * {@value #GRAPHICS_CARD}, {@value #SOUND_CARD}, {@value #USB_DEVICE}, {@value #MOTHERBOARD}, {@value #FIRMWARE},
 * {@value #COMPUTER_SYSTEM}.
 */
final class HardwareRegistry {

    static final String PROCESSOR = "processor";
    static final String MEMORY = "memory";
    static final String DISK = "disk";
    static final String NETWORK_ADAPTER = "network-adapter";
    static final String GRAPHICS_CARD = "graphics-card";
    static final String SOUND_CARD = "sound-card";
    static final String USB_DEVICE = "usb-device";
    static final String MOTHERBOARD = "motherboard";
    static final String FIRMWARE = "firmware";
    static final String COMPUTER_SYSTEM = "computer-system";

    private static final long GIB = 1L << 30;
    private static final long GB = 1_000_000_000L;

    private HardwareRegistry() {
    }

    /**
     * @param soundCards whether to ask for sound cards (OSHI warns on every call on a Linux machine without any)
     */
    static List<HardwareComponent> collect(HardwareAbstractionLayer hardware, boolean soundCards) {
        List<HardwareComponent> components = new ArrayList<>();
        ComputerSystem system = hardware.getComputerSystem();
        add(components, COMPUTER_SYSTEM, Placeholders.orNull(system.getModel()), system.getManufacturer(),
                system.getModel(), system.getSerialNumber(), null);
        Baseboard board = system.getBaseboard();
        add(components, MOTHERBOARD, Placeholders.orNull(board.getModel()), board.getManufacturer(),
                board.getModel(), board.getSerialNumber(), labelled("version", board.getVersion()));
        Firmware firmware = system.getFirmware();
        add(components, FIRMWARE, Placeholders.orNull(firmware.getName()), firmware.getManufacturer(),
                firmware.getVersion(), null, labelled("released", firmware.getReleaseDate()));
        components.add(processor(hardware.getProcessor()));
        components.addAll(memory(hardware.getMemory()));
        for (HWDiskStore disk : hardware.getDiskStores()) {
            if (memoryBacked(disk.getName())) {
                continue;
            }
            add(components, DISK, disk.getName(), null, disk.getModel(), disk.getSerial(),
                    disk.getSize() > 0 ? "size " + Math.round((double) disk.getSize() / GB) + " GB" : null);
        }
        for (NetworkIF adapter : hardware.getNetworkIFs()) {
            String name = adapter.getName().toLowerCase(Locale.ROOT);
            if (!name.startsWith("veth")) {
                add(components, NETWORK_ADAPTER, adapter.getDisplayName(), null, null, null,
                        labelled("mac", ReportLimits.mac(adapter.getMacaddr())));
            }
        }
        for (GraphicsCard card : hardware.getGraphicsCards()) {
            add(components, GRAPHICS_CARD, card.getName(), card.getVendor(), card.getDeviceId(), null,
                    card.getVRam() > 0 ? "memory " + Math.round((double) card.getVRam() / (1 << 20)) + " MiB" : null);
        }
        for (SoundCard card : soundCards ? hardware.getSoundCards() : List.<SoundCard>of()) {
            add(components, SOUND_CARD, card.getName(), null, card.getCodec(), null,
                    labelled("driver", card.getDriverVersion()));
        }
        for (UsbDevice device : hardware.getUsbDevices(false)) {
            // Root hubs are the controller's own ports, not devices anyone plugged in.
            if (!"1d6b".equalsIgnoreCase(device.getVendorId())
                    && !device.getName().toLowerCase(Locale.ROOT).contains("root hub")) {
                add(components, USB_DEVICE, device.getName(), device.getVendor(),
                        device.getVendorId() + ":" + device.getProductId(), device.getSerialNumber(), null);
            }
        }
        return components;
    }

    private static HardwareComponent processor(CentralProcessor processor) {
        CentralProcessor.ProcessorIdentifier id = processor.getProcessorIdentifier();
        StringJoiner details = new StringJoiner(", ");
        details.add(count(processor.getPhysicalProcessorCount(), "core"));
        details.add(count(processor.getLogicalProcessorCount(), "logical processor"));
        details.add(count(processor.getPhysicalPackageCount(), "package"));
        if (id.getVendorFreq() > 0) {
            details.add(String.format(Locale.ROOT, "%.2f GHz", id.getVendorFreq() / 1e9));
        }
        String microarchitecture = Placeholders.orNull(id.getMicroarchitecture());
        if (microarchitecture != null) {
            details.add(microarchitecture);
        }
        String name = Placeholders.orNull(id.getName());
        return new HardwareComponent(PROCESSOR, name == null ? "Processor" : name,
                Placeholders.orNull(id.getVendor()), Placeholders.orNull(id.getIdentifier()), null,
                details.toString());
    }

    /** One entry per memory module, or one for the whole memory when the modules cannot be read (no root, VMs). */
    private static List<HardwareComponent> memory(GlobalMemory memory) {
        List<HardwareComponent> modules = new ArrayList<>();
        for (PhysicalMemory module : memory.getPhysicalMemory()) {
            StringJoiner details = new StringJoiner(" ");
            details.add(Math.round((double) module.getCapacity() / GIB) + " GiB");
            String type = Placeholders.orNull(module.getMemoryType());
            if (type != null) {
                details.add(type);
            }
            if (module.getClockSpeed() > 0) {
                details.add(module.getClockSpeed() / 1_000_000 + " MHz");
            }
            add(modules, MEMORY, module.getBankLabel(), module.getManufacturer(), module.getPartNumber(),
                    module.getSerialNumber(), details.toString());
        }
        if (modules.isEmpty()) {
            modules.add(new HardwareComponent(MEMORY, "System memory", null, null, null,
                    Math.round((double) memory.getTotal() / GIB) + " GiB"));
        }
        return modules;
    }

    /** Adds a component unless it has no name, leaving out placeholder values. */
    private static void add(List<HardwareComponent> components, String category, String name, String vendor,
            String model, String serial, String details) {
        String known = Placeholders.orNull(name);
        if (known != null) {
            components.add(new HardwareComponent(category, known, Placeholders.orNull(vendor),
                    Placeholders.orNull(model), Placeholders.orNull(serial), details));
        }
    }

    /** Linux block devices backed by memory or files (zram swap, RAM disks, loop devices), not disks. */
    private static boolean memoryBacked(String name) {
        String device = name.substring(name.lastIndexOf('/') + 1);
        return device.startsWith("zram") || device.startsWith("ram") || device.startsWith("loop");
    }

    private static String count(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static String labelled(String label, String value) {
        String known = Placeholders.orNull(value);
        return known == null ? null : label + " " + known;
    }
}
