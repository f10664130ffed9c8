package org.garrison.api.device;

import java.util.List;
import java.util.UUID;

/**
 * What a Network Agent reports about its device. Every section is optional ({@code null} = unchanged).
 *
 * <p>A <em>full</em> report replaces each collection it carries (MAC addresses, users, sessions, hardware,
 * software, applications). A <em>partial</em> report applies changes: the software section's installed, updated
 * and removed entries; applications listed are added or replaced and {@code removedApplications} removed; the
 * other collections it carries (small per device) replace the stored ones. Either way the device's last update
 * time is set, and its status and moving rules are re-evaluated.
 *
 * @param deviceId            the device reported about
 * @param full                whether this is a full report
 * @param identity            names
 * @param network             addresses
 * @param os                  operating system
 * @param virtualisation      virtual machine facts
 * @param activity            visibility, restart pending, powered on
 * @param users               user accounts
 * @param sessions            user sessions
 * @param hardware            the hardware registry
 * @param software            software registry changes
 * @param applications        managed applications
 * @param removedApplications ids of managed applications no longer installed (partial reports)
 */
public record InventoryReport(UUID deviceId, boolean full, DeviceIdentity identity, DeviceNetwork network,
        OperatingSystem os, Virtualisation virtualisation, ActivityReport activity, List<UserAccount> users,
        List<UserSession> sessions, List<HardwareComponent> hardware, SoftwareChanges software,
        List<InstalledApplication> applications, List<String> removedApplications) {

    public InventoryReport {
        users = users == null ? null : List.copyOf(users);
        sessions = sessions == null ? null : List.copyOf(sessions);
        hardware = hardware == null ? null : List.copyOf(hardware);
        applications = applications == null ? null : List.copyOf(applications);
        removedApplications = removedApplications == null ? List.of() : List.copyOf(removedApplications);
    }
}
