package org.garrison.devices.internal.shell;

import java.time.Instant;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.garrison.api.Page;
import org.garrison.api.device.Device;
import org.garrison.api.device.DeviceService;
import org.garrison.devices.internal.rest.QueryParameters;

/**
 * Lists devices with the filters of {@code GET /api/v1/devices}.
 */
@Command(scope = "garrison", name = "device-list", description = "Lists managed devices")
@Service
public class DeviceListCommand implements Action {

    @Reference
    private DeviceService devices;

    @Option(name = "-g", aliases = "--group", description = "Only devices in this group (id)")
    private String group;

    @Option(name = "--no-subtree", description = "With --group: leave out the groups below it")
    private boolean noSubtree;

    @Option(name = "-s", aliases = "--status", description = "OK, WARNING, CRITICAL (comma-separated)")
    private String status;

    @Option(name = "-o", aliases = "--os", description = "WINDOWS, LINUX, MACOS, ANDROID, IOS, OTHER")
    private String os;

    @Option(name = "-q", aliases = "--text", description = "Start of a word of the name or DNS name, or of an IP or MAC address")
    private String text;

    @Option(name = "-t", aliases = "--tag", description = "Only devices with this tag")
    private String tag;

    @Option(name = "--visible-from", description = "Last visible at or after (ISO-8601 UTC)")
    private String visibleFrom;

    @Option(name = "--visible-to", description = "Last visible before (ISO-8601 UTC)")
    private String visibleTo;

    @Option(name = "--app", description = "Only devices with this managed application (id)")
    private String app;

    @Option(name = "--no-app", description = "Only devices without this managed application (id)")
    private String noApp;

    @Option(name = "--sort", description = "name, lastVisible, status, os, ip")
    private String sort;

    @Option(name = "--desc", description = "Reverse the order")
    private boolean descending;

    @Option(name = "-n", aliases = "--limit", description = "How many devices to show (1-1000, default 50)")
    private String limit;

    @Override
    public Object execute() {
        Page<Device> page = devices.list(QueryParameters.deviceQuery(new QueryParameters.Raw(group,
                noSubtree ? "false" : null, status == null ? null : List.of(status), os == null ? null : List.of(os),
                text, tag, visibleFrom, visibleTo, app, noApp, null, null, sort, descending ? "desc" : null)),
                QueryParameters.page(limit, null));
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Name");
        table.column("Status");
        table.column("OS");
        table.column("IPv4");
        table.column("Last visible");
        table.column("Group");
        for (Device device : page.items()) {
            Instant visible = device.activity().lastVisible();
            table.addRow().addContent(device.id(), device.displayName(), device.status().level(),
                    device.os().name() != null ? device.os().name() : device.os().type(),
                    device.network().ipv4(), visible == null ? "never" : visible, device.groupId());
        }
        table.print(System.out);
        System.out.println(page.items().size() + " of " + page.total() + " devices");
        return null;
    }
}
