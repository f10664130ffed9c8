package org.garrison.groups.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.garrison.api.group.GroupMembers;
import org.osgi.service.component.ComponentServiceObjects;

/**
 * The installed {@link GroupMembers}, held without being obtained: each is taken from its provider only while it
 * is used. Obtaining them when they are bound would close a cycle at start-up, since the areas with members (devices)
 * need this component's services (groups, device settings) to start.
 */
final class InstalledMembers {

    private final List<ComponentServiceObjects<GroupMembers>> installed = new CopyOnWriteArrayList<>();

    void add(ComponentServiceObjects<GroupMembers> members) {
        installed.add(members);
    }

    void remove(ComponentServiceObjects<GroupMembers> members) {
        installed.remove(members);
    }

    /** Hands every installed kind of members to the action, one after the other. */
    void forEach(Consumer<GroupMembers> action) {
        for (ComponentServiceObjects<GroupMembers> candidate : installed) {
            GroupMembers members;
            try {
                members = candidate.getService();
            } catch (IllegalStateException released) {
                continue;
            }
            if (members == null) {
                continue;
            }
            try {
                action.accept(members);
            } finally {
                release(candidate, members);
            }
        }
    }

    /**
     * Gives the object back. When its provider went away meanwhile (its bundle stopped or was refreshed, e.g. while a
     * plugin is installed), the service objects were released with it and refuse it: there is nothing left to give
     * back then, and the caller's answer must not fail for it.
     */
    private static void release(ComponentServiceObjects<GroupMembers> candidate, GroupMembers members) {
        try {
            candidate.ungetService(members);
        } catch (IllegalArgumentException | IllegalStateException released) {
            // released with its provider
        }
    }
}
