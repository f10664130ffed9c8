package org.garrison.devices.internal.shell;

import java.io.PrintStream;
import java.util.List;
import java.util.UUID;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.garrison.api.PageRequest;
import org.garrison.api.device.Device;
import org.garrison.api.device.DeviceQuery;
import org.garrison.api.device.DeviceService;
import org.garrison.api.device.DeviceSort;
import org.garrison.api.device.InstalledApplication;
import org.garrison.api.device.StatusReason;

/**
 * Shows one device: identity, network, operating system, activity, status with reasons, tags, applications.
 */
@Command(scope = "garrison", name = "device-show", description = "Shows a managed device")
@Service
public class DeviceShowCommand implements Action {

    @Reference
    private DeviceService devices;

    @Argument(index = 0, name = "device", description = "The device's id or display name", required = true)
    @Completion(DeviceNameCompleter.class)
    private String device;

    @Override
    public Object execute() {
        Device d = resolve();
        if (d == null) {
            return null;
        }
        PrintStream out = System.out;
        out.println("Id:              " + d.id());
        out.println("Name:            " + d.displayName());
        out.println("Description:     " + value(d.description()));
        out.println("Group:           " + d.groupId());
        out.println("Status:          " + d.status().level());
        for (StatusReason reason : d.status().reasons()) {
            out.println("                 - " + reason.level() + ": " + reason.text() + " [" + reason.source() + "]");
        }
        out.println("Windows domain:  " + value(d.identity().windowsDomain()) + " (" + value(d.identity()
                .windowsDomainType()) + ")");
        out.println("NetBIOS name:    " + value(d.identity().netbiosName()));
        out.println("DNS name:        " + value(d.identity().dnsName()) + " / " + value(d.identity().dnsDomain()));
        out.println("IPv4 / IPv6:     " + value(d.network().ipv4()) + " / " + value(d.network().ipv6()));
        out.println("MAC addresses:   " + String.join(", ", d.network().macAddresses()));
        out.println("OS:              " + value(d.os().name()) + " " + value(d.os().version()) + " build "
                + value(d.os().build()) + " (" + value(d.os().architecture()) + ")");
        out.println("Virtual machine: " + (d.virtualisation().virtualMachine()
                ? "yes, " + value(d.virtualisation().hypervisor()) : "no"));
        out.println("Last update:     " + value(d.activity().lastUpdate()));
        out.println("Last visible:    " + value(d.activity().lastVisible()));
        out.println("Restart pending: " + (d.activity().restartPending() ? "yes" : "no"));
        out.println("Tags:            " + String.join(", ", d.tags().stream()
                .map(t -> t.name() + " (" + t.source() + ")").toList()));
        for (InstalledApplication application : devices.applications(d.id())) {
            out.println("Application:     " + application.name() + " " + value(application.version()) + ", "
                    + application.state() + ", real-time protection " + application.realTimeProtection());
        }
        return null;
    }

    private Device resolve() {
        if (device.length() == 36) {
            try {
                return devices.get(UUID.fromString(device));
            } catch (IllegalArgumentException notAnId) {
                // fall through to the name
            }
        }
        List<Device> matches = devices.list(new DeviceQuery(null, true, null, null, device, null, null, null, null,
                null, null, null, DeviceSort.NAME, false), new PageRequest(PageRequest.MAX_LIMIT, null)).items()
                .stream().filter(d -> d.displayName().equalsIgnoreCase(device)).toList();
        if (matches.size() == 1) {
            return matches.get(0);
        }
        System.err.println(matches.isEmpty() ? "No device named " + device
                : matches.size() + " devices are named " + device + "; give the id");
        return null;
    }

    private static String value(Object value) {
        return value == null ? "-" : value.toString();
    }
}
