package org.garrison.plugins.devicecontrol.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The external devices the simulator can attach: presets of common hardware (real vendor and product ids), and the
 * command line's description of one ({@code usb-stick}, {@code printer,serial=ABC123},
 * {@code class=modem,bus=usb,name=LTE stick,vendor=12D1,product=14DC}).
 */
final class DeviceCatalogue {

    /** A kind of device before it gets a serial number and an instance id. */
    record Preset(String deviceClass, String bus, String name, String vendorId, String productId) {
    }

    static final Map<String, Preset> PRESETS = presets();

    static final Set<String> CLASSES = Set.of("removable-storage", "cd-dvd", "portable-device", "printer", "imaging",
            "bluetooth", "wifi-adapter", "modem", "serial-port", "usb-other");
    static final Set<String> BUSES = Set.of("usb", "bluetooth", "pci", "thunderbolt", "firewire", "serial");

    private static final Pattern HEX_ID = Pattern.compile("[0-9A-Fa-f]{4}");
    private static final Pattern SERIAL = Pattern.compile("[\\x21-\\x7E]{1,128}");

    private DeviceCatalogue() {
    }

    private static Map<String, Preset> presets() {
        Map<String, Preset> presets = new LinkedHashMap<>();
        presets.put("usb-stick", new Preset("removable-storage", "usb", "SanDisk Ultra USB 3.0", "0781", "5581"));
        presets.put("usb-disk", new Preset("removable-storage", "usb", "WD My Passport 2TB", "1058", "25A2"));
        presets.put("card-reader", new Preset("removable-storage", "usb", "Generic SD/MMC Reader", "05E3", "0751"));
        presets.put("firewire-disk", new Preset("removable-storage", "firewire", "LaCie d2 Quadra", "059F", "1010"));
        presets.put("cd-drive", new Preset("cd-dvd", "usb", "ASUS SDRW-08D2S-U", "0E8D", "1887"));
        presets.put("phone", new Preset("portable-device", "usb", "Pixel 8 (MTP)", "18D1", "4EE1"));
        presets.put("printer", new Preset("printer", "usb", "HP LaserJet Pro M404dn", "03F0", "3817"));
        presets.put("webcam", new Preset("imaging", "usb", "Logitech HD Pro Webcam C920", "046D", "082D"));
        presets.put("scanner", new Preset("imaging", "usb", "Canon CanoScan LiDE 400", "04A9", "1912"));
        presets.put("headset", new Preset("bluetooth", "bluetooth", "Jabra Evolve2 65", null, null));
        presets.put("wifi-dongle", new Preset("wifi-adapter", "usb", "TP-Link Archer T3U", "2357", "012D"));
        presets.put("lte-modem", new Preset("modem", "usb", "Huawei E3372 LTE Stick", "12D1", "14DC"));
        presets.put("serial-adapter", new Preset("serial-port", "usb", "FTDI FT232R USB UART", "0403", "6001"));
        presets.put("keyboard", new Preset("usb-other", "usb", "Logitech K120 Keyboard", "046D", "C31C"));
        presets.put("thunderbolt-dock", new Preset("usb-other", "thunderbolt", "CalDigit TS4 Dock", null, null));
        return Map.copyOf(presets);
    }

    /**
     * The device a command-line description names.
     *
     * @param random gives a serial number when the description names none
     * @throws IllegalArgumentException with a message for the user
     */
    static AttachedDevice parse(String description, Random random) {
        String[] parts = description.split(",");
        Preset preset = null;
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            int equals = part.indexOf('=');
            if (equals < 0) {
                if (i > 0 || !PRESETS.containsKey(part)) {
                    throw new IllegalArgumentException("--attach: '" + part + "' is not one of the devices "
                            + PRESETS.keySet().stream().sorted().toList() + " (or class=...,bus=...,name=...)");
                }
                preset = PRESETS.get(part);
            } else {
                values.put(part.substring(0, equals).strip().toLowerCase(Locale.ROOT),
                        part.substring(equals + 1).strip());
            }
        }
        for (String key : values.keySet()) {
            if (!List.of("class", "bus", "name", "vendor", "product", "serial").contains(key)) {
                throw new IllegalArgumentException("--attach: unknown key '" + key
                        + "' (class, bus, name, vendor, product, serial)");
            }
        }
        String deviceClass = values.getOrDefault("class", preset == null ? null : preset.deviceClass());
        String bus = values.getOrDefault("bus", preset == null ? null : preset.bus());
        String name = values.getOrDefault("name", preset == null ? null : preset.name());
        if (deviceClass == null || !CLASSES.contains(deviceClass)) {
            throw new IllegalArgumentException("--attach: class must be one of " + CLASSES.stream().sorted().toList());
        }
        if (bus == null || !BUSES.contains(bus)) {
            throw new IllegalArgumentException("--attach: bus must be one of " + BUSES.stream().sorted().toList());
        }
        if (name == null || name.isEmpty() || name.length() > 255) {
            throw new IllegalArgumentException("--attach: a device needs a name of 1-255 characters");
        }
        String vendor = hexId("vendor", values.getOrDefault("vendor", preset == null ? null : preset.vendorId()));
        String product = hexId("product", values.getOrDefault("product", preset == null ? null
                : preset.productId()));
        String serial = values.containsKey("serial") ? values.get("serial") : serial(random);
        if (!SERIAL.matcher(serial).matches()) {
            throw new IllegalArgumentException("--attach: serial must be 1-128 printable characters without spaces");
        }
        return device(deviceClass, bus, name, vendor, product, serial);
    }

    /** A preset device with a new serial number. */
    static AttachedDevice of(String preset, Random random) {
        Preset p = PRESETS.get(preset);
        return device(p.deviceClass(), p.bus(), p.name(), p.vendorId(), p.productId(), serial(random));
    }

    private static AttachedDevice device(String deviceClass, String bus, String name, String vendor, String product,
            String serial) {
        // the shape of a Windows device instance path: stable for the same physical device
        String instanceId = bus.toUpperCase(Locale.ROOT) + "\\" + (vendor == null ? deviceClass.toUpperCase(Locale.ROOT)
                : "VID_" + vendor + "&PID_" + product) + "\\" + serial;
        return new AttachedDevice(instanceId, deviceClass, bus, name, vendor, product, serial);
    }

    private static String hexId(String key, String value) {
        if (value == null) {
            return null;
        }
        if (!HEX_ID.matcher(value).matches()) {
            throw new IllegalArgumentException("--attach: " + key + " must be four hex digits, e.g. 0781");
        }
        return value.toUpperCase(Locale.ROOT);
    }

    private static String serial(Random random) {
        return String.format("%08X%04X", random.nextInt(), random.nextInt(0x10000));
    }
}
