package org.garrison.devices.internal;

import java.time.Instant;
import java.util.List;

import org.garrison.api.device.ActivityReport;
import org.garrison.api.device.Device;
import org.garrison.api.device.DeviceActivity;
import org.garrison.api.device.DeviceIdentity;
import org.garrison.api.device.DeviceNetwork;
import org.garrison.api.device.InventoryReport;
import org.garrison.api.device.OperatingSystem;
import org.garrison.api.device.Virtualisation;

/**
 * Merges the scalar sections of a (checked) inventory report into a stored device: sections present replace the
 * stored ones, absent sections stay; the report's arrival counts as an update and a sighting.
 */
final class InventoryMerge {

    private InventoryMerge() {
    }

    static StoredDevice merge(StoredDevice stored, InventoryReport report, Instant now) {
        Device device = stored.device();
        DeviceIdentity identity = report.identity() == null ? device.identity() : trim(report.identity());
        DeviceNetwork network = report.network() == null ? device.network() : normalise(report.network());
        OperatingSystem os = report.os() == null ? device.os() : trim(report.os());
        Virtualisation virtualisation = report.virtualisation() == null ? device.virtualisation()
                : trim(report.virtualisation());
        ActivityReport activity = report.activity();
        DeviceActivity merged = activity == null
                ? new DeviceActivity(now, now, device.activity().restartPending(), device.activity().poweredOnAt())
                : new DeviceActivity(now, activity.lastVisible() == null ? now : activity.lastVisible(),
                        activity.restartPending(), activity.poweredOnAt());
        String name = stored.nameSetByAdmin() ? device.displayName() : reportedName(identity, device.displayName());
        return new StoredDevice(new Device(device.id(), device.groupId(), name, device.description(), identity,
                network, os, virtualisation, merged, device.status(), device.tags(), device.createdAt(), now),
                stored.nameSetByAdmin());
    }

    /** The name a device is shown by until an admin names it: NetBIOS name, else DNS name, else the fallback. */
    static String reportedName(DeviceIdentity identity, String fallback) {
        if (identity.netbiosName() != null) {
            return identity.netbiosName();
        }
        if (identity.dnsName() != null) {
            return identity.dnsName();
        }
        return identity.hardwareId() != null && fallback == null ? identity.hardwareId() : fallback;
    }

    static DeviceIdentity trim(DeviceIdentity identity) {
        return new DeviceIdentity(Normalised.trimmed(identity.windowsDomain()), identity.windowsDomainType(),
                Normalised.trimmed(identity.netbiosName()), Normalised.trimmed(identity.dnsDomain()),
                Normalised.trimmed(identity.dnsName()), Normalised.trimmed(identity.hardwareId()));
    }

    static DeviceNetwork normalise(DeviceNetwork network) {
        List<String> macs = network.macAddresses().stream().map(mac -> Normalised.mac("mac", mac)).toList();
        String ipv4 = Normalised.trimmed(network.ipv4());
        return new DeviceNetwork(ipv4, Normalised.trimmed(network.ipv6()),
                Normalised.trimmed(network.networkLocation()), macs);
    }

    private static OperatingSystem trim(OperatingSystem os) {
        return new OperatingSystem(os.type(), Normalised.trimmed(os.architecture()), Normalised.trimmed(os.vendor()),
                Normalised.trimmed(os.name()), Normalised.trimmed(os.version()), Normalised.trimmed(os.build()),
                Normalised.trimmed(os.releaseId()), Normalised.trimmed(os.installFolder()));
    }

    private static Virtualisation trim(Virtualisation vm) {
        return new Virtualisation(vm.virtualMachine(), Normalised.trimmed(vm.hypervisor()),
                Normalised.trimmed(vm.vmType()), vm.vdiDynamic(), Normalised.trimmed(vm.managingVirtualServer()));
    }
}
