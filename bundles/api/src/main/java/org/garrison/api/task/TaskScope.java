package org.garrison.api.task;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * The devices a task runs on: every device in an administration group and the groups below it at the moment a run
 * starts (so devices that join later are included in the next run), or a fixed selection of devices. Exactly one of
 * the two is set. Tasks the server runs itself have no scope.
 *
 * @param groupId   the group whose subtree the task covers, or {@code null}
 * @param deviceIds the devices selected, in the order given (empty when {@code groupId} is set)
 */
public record TaskScope(UUID groupId, List<UUID> deviceIds) {

    /** The most devices a fixed selection may name; larger sets are groups. */
    public static final int MAX_DEVICES = 1000;

    public TaskScope {
        deviceIds = deviceIds == null ? List.of() : List.copyOf(new ArrayList<>(new LinkedHashSet<>(deviceIds)));
    }

    /** Every device in the group's subtree at each run. */
    public static TaskScope group(UUID groupId) {
        return new TaskScope(groupId, List.of());
    }

    /** These devices. */
    public static TaskScope devices(Collection<UUID> deviceIds) {
        return new TaskScope(null, List.copyOf(deviceIds));
    }

    /** Whether the scope is a group subtree (rather than a fixed selection). */
    public boolean groupSubtree() {
        return groupId != null;
    }
}
