package org.garrison.gateway.internal.shell;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.garrison.api.Ids;
import org.garrison.api.agent.AgentInstructions;
import org.garrison.api.device.DeviceService;
import org.garrison.api.error.ValidationException;
import org.garrison.api.group.GroupService;
import org.garrison.api.security.ShellUser;
import org.garrison.gateway.internal.enrollment.DeviceSelection;

/**
 * Asks the agents of devices, or of every device in a group and below it, to sync now.
 */
@Command(scope = "garrison", name = "agent-sync-now",
        description = "Asks the agents of devices, or of a whole group, to sync now")
@Service
public class AgentSyncNowCommand implements Action {

    @Reference
    AgentInstructions instructions;

    @Reference
    DeviceService devices;

    @Reference
    GroupService groups;

    @Reference
    ShellUser shell;

    @Option(name = "--group", description = "Every device in this group and below it: its id or unique name")
    String group;

    @Argument(index = 0, name = "device", multiValued = true, description = "Device ids")
    List<String> deviceIds;

    @Override
    public Object execute() {
        shell.requireAdministrator("issue enrollment tokens, decide about agents or wake them");
        Set<UUID> targets = targets();
        int woken = targets.isEmpty() ? 0 : instructions.syncNow(targets);
        shell.audit("agent-sync-now", "device", targets.size() == 1 ? targets.iterator().next()
                .toString() : "");
        System.out.println("Asked " + targets.size() + (targets.size() == 1 ? " device" : " devices")
                + " to sync now; " + woken + " listening " + (woken == 1 ? "agent was" : "agents were")
                + " woken at once, the others sync at their next interval");
        return null;
    }

    private Set<UUID> targets() {
        boolean named = deviceIds != null && !deviceIds.isEmpty();
        if (named == (group != null)) {
            throw new ValidationException("", "name either device ids or --group");
        }
        if (named) {
            Set<UUID> ids = new LinkedHashSet<>();
            deviceIds.forEach(id -> ids.add(Ids.parse("device", id.strip())));
            Set<UUID> known = devices.groupsOf(ids).keySet();
            if (known.size() < ids.size()) {
                ids.removeAll(known);
                throw new ValidationException("device", "no such device: " + ids.iterator().next());
            }
            return ids;
        }
        return DeviceSelection.inSubtree(devices, GroupArgument.resolve(groups, group));
    }
}
