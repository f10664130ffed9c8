package org.garrison.gateway.internal.shell;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import org.garrison.api.error.ValidationException;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.group.GroupService;

/**
 * How enrollment commands name a group: by id, or by a name only one group has (case-insensitive).
 */
final class GroupArgument {

    private GroupArgument() {
    }

    static UUID resolve(GroupService groups, String argument) {
        if (argument.length() == 36) {
            try {
                return groups.get(UUID.fromString(argument)).id();
            } catch (IllegalArgumentException notAnId) {
                // a name that happens to be 36 characters long
            }
        }
        String wanted = argument.strip().toLowerCase(Locale.ROOT);
        List<AdministrationGroup> matches = groups.all().stream()
                .filter(group -> group.name().toLowerCase(Locale.ROOT).equals(wanted)).toList();
        if (matches.size() == 1) {
            return matches.get(0).id();
        }
        if (matches.isEmpty()) {
            throw new ValidationException("group", "no group is named \"" + argument + "\"");
        }
        throw new ValidationException("group", "several groups are named \"" + argument + "\"; give the id of one of "
                + matches.stream().map(group -> group.id().toString()).collect(Collectors.joining(", ")));
    }
}
