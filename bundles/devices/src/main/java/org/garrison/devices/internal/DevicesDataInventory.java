package org.garrison.devices.internal;

import java.util.List;

import org.garrison.api.data.DataInventoryProvider;
import org.garrison.api.data.DataItem;
import org.garrison.api.data.DataOrigin;
import org.osgi.service.component.annotations.Component;

/**
 * What the devices area stores, for the data inventory: each device's admin fields, the facts its Network Agent
 * reports, the registries, the managed applications' state, and the moving rules. Names and addresses of a device
 * are personal data as soon as one person uses it, so they are declared personal.
 */
@Component
public class DevicesDataInventory implements DataInventoryProvider {

    private static final String OWNER = DataItem.CORE;
    private static final String UNTIL_REMOVED = "until the device is deleted: removing it from a group moves it to "
            + "Unassigned devices, removing it from there deletes it, by an admin or by the group's inactivity "
            + "handling (not seen for 30 days in Unassigned devices by default); its last state then stays in the "
            + "registry of deleted objects";
    private static final String REPLACED = "replaced by each report of the agent; deleted with the device";
    private static final String WHILE_INSTALLED = "updated by each report of the agent; an application's data goes "
            + "when the agent reports it uninstalled, or with the device";
    private static final String PERSONAL_DEVICE = " Personal data when one person uses the device.";

    private static final List<DataItem> ITEMS = List.of(
            new DataItem("device.name-and-description", OWNER, "Display name and description of the device",
                    "The name shown to admins (taken from the reported names until an admin sets one) and the "
                            + "admin's description." + PERSONAL_DEVICE,
                    DataOrigin.ADMIN, "DEVICE.DISPLAY_NAME, DEVICE.NAME_SET_BY_ADMIN, DEVICE.DESCRIPTION", true,
                    false, UNTIL_REMOVED),
            new DataItem("device.identity", OWNER, "Names and hardware id of the device",
                    "Windows domain and domain type, Windows (NetBIOS) name, DNS domain and DNS name, and the "
                            + "agent's hardware id." + PERSONAL_DEVICE,
                    DataOrigin.AGENT, "DEVICE.WIN_DOMAIN, WIN_DOMAIN_TYPE, NETBIOS_NAME, DNS_DOMAIN, DNS_NAME, "
                            + "HARDWARE_ID", true, false, UNTIL_REMOVED),
            new DataItem("device.network-addresses", OWNER, "Network addresses of the device",
                    "IPv4 and IPv6 address, MAC addresses and network location." + PERSONAL_DEVICE,
                    DataOrigin.AGENT, "DEVICE.IPV4, DEVICE.IPV6, DEVICE.NETWORK_LOCATION, DEVICE_MAC", true, false,
                    UNTIL_REMOVED),
            new DataItem("device.search-terms", OWNER, "Search terms of the device",
                    "Lower-cased words of the display name and DNS name and the IP and MAC addresses, so that "
                            + "free-text search is an index lookup." + PERSONAL_DEVICE,
                    DataOrigin.SERVER, "DEVICE_TERM", true, false, UNTIL_REMOVED),
            new DataItem("device.operating-system", OWNER, "Operating system of the device",
                    "Type, name, version, architecture, vendor, build number, release id and installation folder.",
                    DataOrigin.AGENT, "DEVICE.OS_TYPE, OS_NAME, OS_VERSION, OS_ARCH, OS_VENDOR, OS_BUILD, "
                            + "OS_RELEASE_ID, OS_INSTALL_FOLDER", false, false, UNTIL_REMOVED),
            new DataItem("device.virtualisation", OWNER, "Virtualisation facts of the device",
                    "Whether it is a virtual machine, the hypervisor and virtual machine type, whether it is a "
                            + "dynamic VDI machine, and the virtual Administration Server that manages it.",
                    DataOrigin.AGENT, "DEVICE.VM, HYPERVISOR, VM_TYPE, VDI_DYNAMIC, VIRTUAL_SERVER", false, false,
                    UNTIL_REMOVED),
            new DataItem("device.activity", OWNER, "Activity of the device",
                    "Last update, last time visible on the network, whether a restart is pending, and when it "
                            + "was turned on.",
                    DataOrigin.AGENT, "DEVICE.LAST_UPDATE, LAST_VISIBLE, RESTART_PENDING, POWERED_ON_AT, "
                            + "INACTIVE_NOTICE_KEY", false, false, UNTIL_REMOVED),
            new DataItem("device.status", OWNER, "Status of the device",
                    "OK, warning or critical with its reasons, computed by the server from its group's status "
                            + "conditions and from what the managed applications report.",
                    DataOrigin.SERVER, "DEVICE.STATUS, STATUS_REASONS, STATUS_AT", false, false, UNTIL_REMOVED),
            new DataItem("device.admin-tags", OWNER, "Tags set by admins",
                    null, DataOrigin.ADMIN, "DEVICE_TAG (SOURCE 'admin')", false, false, UNTIL_REMOVED),
            new DataItem("device.application-tags", OWNER, "Tags set by managed applications",
                    "Each tag names the application that set it.",
                    DataOrigin.APPLICATION, "DEVICE_TAG (SOURCE = the application id)", false, false,
                    UNTIL_REMOVED),
            new DataItem("device.user-accounts", OWNER, "User accounts on the device",
                    "Account name, domain, full name and last logon of each user account the agent finds. "
                            + "Personal data.",
                    DataOrigin.AGENT, "DEVICE_USER", true, false, REPLACED),
            new DataItem("device.user-sessions", OWNER, "Work sessions of users on the device",
                    "Account name and domain, kind (console, remote, ...), start and end of each session the "
                            + "agent reports. Personal data.",
                    DataOrigin.AGENT, "DEVICE_SESSION", true, false, REPLACED),
            new DataItem("device.hardware", OWNER, "Hardware registry",
                    "Category, name, vendor, model, serial number and details of each hardware component.",
                    DataOrigin.AGENT, "DEVICE_HARDWARE", false, false, REPLACED),
            new DataItem("device.software", OWNER, "Software registry",
                    "Name, vendor, version, installation date and location of each installed program, and the "
                            + "fleet-wide count of devices per product and version.",
                    DataOrigin.AGENT, "DEVICE_SOFTWARE, SOFTWARE_PRODUCT", false, false,
                    "changed by each report of the agent; deleted with the device"),
            new DataItem("device.applications", OWNER, "Managed applications on the device",
                    "Name, version, state, real-time protection state, last scan, threats detected, objects not "
                            + "disinfected, installation date and id, and each component with its version and "
                            + "status.",
                    DataOrigin.APPLICATION, "DEVICE_APPLICATION, DEVICE_APP_COMPONENT", false, false, WHILE_INSTALLED),
            new DataItem("device.application-licence-keys", OWNER, "Licence keys of managed applications",
                    "The active and the reserve licence key of each managed application, with their expiry.",
                    DataOrigin.APPLICATION, "DEVICE_APPLICATION.ACTIVE_KEY, ACTIVE_KEY_EXPIRES, RESERVE_KEY, "
                            + "RESERVE_KEY_EXPIRES", false, false, WHILE_INSTALLED),
            new DataItem("device.application-status", OWNER, "Device status set by managed applications",
                    "The warning or critical reasons (code and text) each application reports for the device.",
                    DataOrigin.APPLICATION, "DEVICE_APPLICATION.STATUS_REPORTS", false, false, WHILE_INSTALLED),
            new DataItem("device.moving-rules", OWNER, "Device moving rules",
                    "Ordered rules that place devices into administration groups (conditions, target group, "
                            + "mode), and which rule placed which device.",
                    DataOrigin.ADMIN, "DEVICE_MOVING_RULE, DEVICE_RULE_APPLIED", false, false,
                    "until an admin deletes the rule; its last state then stays in the registry of deleted objects"));

    @Override
    public List<DataItem> dataItems() {
        return ITEMS;
    }
}
