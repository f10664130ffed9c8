package org.garrison.groups.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.garrison.api.group.AdministrationGroup;

/**
 * Direct and subtree device counts of every group of one tree snapshot.
 */
public final class GroupCounts {

    private final Map<UUID, Long> direct;
    private final Map<UUID, Long> subtree = new HashMap<>();

    GroupCounts(GroupTree tree, Map<UUID, Long> direct) {
        this.direct = direct;
        List<AdministrationGroup> all = tree.all();
        for (int i = all.size() - 1; i >= 0; i--) {
            AdministrationGroup group = all.get(i);
            long sum = direct(group.id());
            for (AdministrationGroup child : tree.children(group.id())) {
                sum += subtree.getOrDefault(child.id(), 0L);
            }
            subtree.put(group.id(), sum);
        }
    }

    /** Devices directly in the group. */
    public long direct(UUID id) {
        return direct.getOrDefault(id, 0L);
    }

    /** Devices in the group and every group below it. */
    public long subtree(UUID id) {
        return subtree.getOrDefault(id, 0L);
    }
}
