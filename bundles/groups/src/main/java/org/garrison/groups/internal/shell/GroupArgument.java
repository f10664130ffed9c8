package org.garrison.groups.internal.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.group.GroupService;

/**
 * How shell commands name a group: by id, by path from the top ("Managed devices/Office/Floor 1"), or by a name
 * that only one group has (all case-insensitive).
 */
final class GroupArgument {

    private GroupArgument() {
    }

    static AdministrationGroup resolve(GroupService groups, String argument) {
        if (argument.length() == 36) {
            try {
                return groups.get(UUID.fromString(argument));
            } catch (IllegalArgumentException notAnId) {
                // a name that happens to be 36 characters long
            }
        }
        String wanted = argument.toLowerCase(Locale.ROOT);
        List<AdministrationGroup> matches = new ArrayList<>();
        for (AdministrationGroup group : groups.all()) {
            if (path(groups, group).toLowerCase(Locale.ROOT).equals(wanted)) {
                return group;
            }
            if (group.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                matches.add(group);
            }
        }
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            throw new IllegalArgumentException("No group is named \"" + argument + "\"");
        }
        throw new IllegalArgumentException("Several groups are named \"" + argument + "\"; give the path or id of "
                + "one of: " + matches.stream().map(g -> path(groups, g) + " (" + g.id() + ")")
                        .collect(Collectors.joining(", ")));
    }

    /** The names from the top-level group down to the group, separated by "/". */
    static String path(GroupService groups, AdministrationGroup group) {
        StringBuilder path = new StringBuilder();
        for (AdministrationGroup ancestor : groups.ancestors(group.id())) {
            path.append(ancestor.name()).append('/');
        }
        return path.append(group.name()).toString();
    }
}
