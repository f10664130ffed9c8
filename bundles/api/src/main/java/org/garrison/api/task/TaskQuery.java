package org.garrison.api.task;

import java.util.Set;
import java.util.UUID;

/**
 * Which tasks to list; {@code null} criteria do not filter.
 *
 * @param application  tasks of this application
 * @param type         tasks of this task type
 * @param groupId      tasks whose scope is this group's subtree
 * @param withinGroups only tasks whose scope lies within these groups, e.g. the groups within a caller's scope
 *                     ({@code null}: no such restriction; empty: no task at all). A task the server runs itself
 *                     lies within "Managed devices", the whole server, only; a fixed selection within the
 *                     smallest group holding all its devices when it was saved.
 */
public record TaskQuery(String application, String type, UUID groupId, Set<UUID> withinGroups) {

    public TaskQuery {
        withinGroups = withinGroups == null ? null : Set.copyOf(withinGroups);
    }

    /** Every task. */
    public static TaskQuery all() {
        return new TaskQuery(null, null, null, null);
    }
}
