package org.garrison.policies.internal.shell;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;
import org.garrison.api.PageRequest;
import org.garrison.api.device.Device;
import org.garrison.api.device.DeviceQuery;
import org.garrison.api.device.DeviceService;
import org.garrison.api.device.DeviceSort;
import org.garrison.api.group.GroupService;
import org.garrison.api.policy.EffectivePolicy;
import org.garrison.api.policy.PolicyService;
import org.garrison.api.policy.SettingOrigin;
import org.garrison.policies.internal.SettingsPath;
import org.garrison.policies.internal.SettingsValues;

/**
 * Shows the settings of an application in force on a device, each value with the policy or profile that set it.
 */
@Command(scope = "garrison", name = "policy-effective",
        description = "Shows an application's settings in force on a device, and where each value comes from")
@Service
public class PolicyEffectiveCommand implements Action {

    @Reference
    private PolicyService policies;

    @Reference
    private DeviceService devices;

    @Reference
    private GroupService groups;

    @Reference
    private Session session;

    @Argument(index = 0, name = "device", description = "The device's id or display name", required = true)
    private String device;

    @Argument(index = 1, name = "application", description = "The application (plugin) id", required = true)
    private String application;

    @Override
    public Object execute() {
        UUID deviceId = resolve();
        if (deviceId == null) {
            return null;
        }
        EffectivePolicy effective = policies.effectiveForDevice(deviceId, application);
        PrintStream out = session.getConsole();
        out.println("Device:        " + deviceId + (effective.outOfOffice() ? " (outside the organisation's network)"
                : ""));
        out.println("Policies:      " + (effective.policies().isEmpty() ? "none applies"
                : effective.policies().size() + ", from the top of the tree down"));
        for (SettingOrigin profile : effective.appliedProfiles()) {
            out.println("Profile:       " + PolicyText.origin(groups, profile));
        }
        out.println("Locked:        " + (effective.lockedSettings().isEmpty() ? "-"
                : String.join(", ", effective.lockedSettings())));
        out.println("Hash:          " + effective.hash());
        ShellTable table = new ShellTable();
        table.column("Setting");
        table.column("Value").maxSize(50);
        table.column("Set by").maxSize(70);
        for (Map.Entry<String, SettingOrigin> entry : effective.origins().entrySet()) {
            table.addRow().addContent(entry.getKey(), PolicyText.compact(SettingsValues.at(effective.settings(), SettingsPath.parse(entry.getKey()))),
                    PolicyText.origin(groups, entry.getValue()));
        }
        table.print(out);
        return null;
    }

    private UUID resolve() {
        if (device.length() == 36) {
            try {
                return devices.get(UUID.fromString(device)).id();
            } catch (IllegalArgumentException notAnId) {
                // a name that happens to be 36 characters long
            }
        }
        List<Device> matches = devices.list(new DeviceQuery(null, true, null, null, device, null, null, null, null,
                null, null, null, DeviceSort.NAME, false), new PageRequest(PageRequest.MAX_LIMIT, null)).items()
                .stream().filter(d -> d.displayName().equalsIgnoreCase(device)).toList();
        if (matches.size() == 1) {
            return matches.get(0).id();
        }
        session.getConsole().println(matches.isEmpty() ? "No device is named " + device
                : matches.size() + " devices are named " + device + "; give the id");
        return null;
    }
}
