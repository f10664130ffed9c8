package org.garrison.tasks.internal.rest;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.device.DeviceService;
import org.garrison.api.plugin.TaskTypeDefinition;
import org.garrison.api.security.Caller;
import org.garrison.api.security.ScopeCheck;
import org.garrison.api.task.TaskDraft;
import org.garrison.api.task.TaskScope;

/**
 * What the authorisation filter cannot see from the request line: a task's new scope in the body must lie within the
 * caller's groups too, and the server's own task types need the permission on the whole server.
 */
final class TaskAccess {

    private final ScopeCheck scopes;
    private final DeviceService devices;

    TaskAccess(ScopeCheck scopes, DeviceService devices) {
        this.scopes = scopes;
        this.devices = devices;
    }

    /**
     * @param type the draft's task type, or {@code null} when it is unknown (validation refuses it later)
     */
    void requireScope(Caller caller, String permission, TaskDraft draft, TaskTypeDefinition type) {
        if (type != null && !type.runsOnDevices()) {
            caller.requireEverywhere(permission);
            return;
        }
        TaskScope scope = draft.scope();
        if (scope == null) {
            return;
        }
        Set<UUID> groups = new HashSet<>();
        if (scope.groupId() != null) {
            groups.add(scope.groupId());
        } else {
            // devices that do not exist are refused by validation; those that do must be within reach
            groups.addAll(devices.groupsOf(new LinkedHashSet<>(scope.deviceIds())).values());
        }
        if (!groups.isEmpty()) {
            scopes.require(caller, permission, groups);
        }
    }
}
