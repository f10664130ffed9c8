package org.garrison.api.security;

import java.util.List;

/**
 * The server's own permissions. Plugins add theirs with a {@link PermissionProvider}.
 *
 * <p>Permissions of group-scoped areas (devices, groups, events, policies, tasks) hold within the subtrees a role is
 * granted on. The others concern the whole server and count only from a grant on the whole server (the root group
 * "Managed devices"), so a scoped administrator can never manage accounts and grant themselves more.
 */
public final class Permissions {

    public static final String DEVICES_READ = "devices.read";
    public static final String DEVICES_WRITE = "devices.write";
    public static final String GROUPS_READ = "groups.read";
    public static final String GROUPS_WRITE = "groups.write";
    public static final String EVENTS_READ = "events.read";
    public static final String EVENTS_WRITE = "events.write";
    public static final String POLICIES_READ = "policies.read";
    public static final String POLICIES_WRITE = "policies.write";
    public static final String TASKS_READ = "tasks.read";
    public static final String TASKS_WRITE = "tasks.write";
    public static final String TASKS_RUN = "tasks.run";
    public static final String ACCOUNTS_READ = "accounts.read";
    public static final String ACCOUNTS_WRITE = "accounts.write";
    public static final String PLUGINS_READ = "plugins.read";
    public static final String PLUGINS_WRITE = "plugins.write";
    public static final String ENROLLMENT_READ = "enrollment.read";
    public static final String ENROLLMENT_WRITE = "enrollment.write";
    public static final String AUDIT_READ = "audit.read";
    public static final String HISTORY_RESTORE = "history.restore";
    public static final String SERVER_READ = "server.read";
    public static final String SERVER_WRITE = "server.write";

    /** Every core permission, in the order the console lists them. */
    public static final List<PermissionDefinition> CORE = List.of(
            scoped(DEVICES_READ, "devices", "See devices, their inventory and registries"),
            scoped(DEVICES_WRITE, "devices", "Change, move, tag and remove devices"),
            scoped(GROUPS_READ, "groups", "See administration groups and their device settings"),
            scoped(GROUPS_WRITE, "groups", "Create, rename, move and delete groups; change their device settings"),
            scoped(EVENTS_READ, "events", "See and export events"),
            scoped(EVENTS_WRITE, "events", "Record events"),
            scoped(POLICIES_READ, "policies", "See policies and policy profiles"),
            scoped(POLICIES_WRITE, "policies", "Change policies and policy profiles"),
            scoped(TASKS_READ, "tasks", "See tasks and their results"),
            scoped(TASKS_WRITE, "tasks", "Create, change and delete tasks"),
            scoped(TASKS_RUN, "tasks", "Start and stop tasks"),
            global(ACCOUNTS_READ, "accounts", "See accounts and roles"),
            global(ACCOUNTS_WRITE, "accounts", "Create and change accounts and roles, grant roles"),
            global(PLUGINS_READ, "plugins", "See installed plugins"),
            global(PLUGINS_WRITE, "plugins", "Install, update and remove plugins"),
            global(ENROLLMENT_READ, "enrollment", "See enrollment tokens and agent certificates"),
            global(ENROLLMENT_WRITE, "enrollment", "Issue and revoke enrollment tokens and agent certificates"),
            global(AUDIT_READ, "audit", "See the audit log, revision history and deleted objects"),
            global(HISTORY_RESTORE, "audit", "Restore revisions and deleted objects"),
            global(SERVER_READ, "server", "See server settings and legal terms"),
            global(SERVER_WRITE, "server", "Change server settings, event types and legal terms"));

    private Permissions() {
    }

    private static PermissionDefinition scoped(String id, String area, String description) {
        return new PermissionDefinition(id, area, description, true);
    }

    private static PermissionDefinition global(String id, String area, String description) {
        return new PermissionDefinition(id, area, description, false);
    }
}
