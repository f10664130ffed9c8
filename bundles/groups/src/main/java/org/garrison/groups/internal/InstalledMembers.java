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
            GroupMembers members = candidate.getService();
            if (members == null) {
                continue;
            }
            try {
                action.accept(members);
            } finally {
                candidate.ungetService(members);
            }
        }
    }
}
