package org.garrison.groups.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.group.GroupDeletion;
import org.garrison.api.group.GroupService;

/**
 * Deletes a group; deleted groups can be restored from the deleted-objects registry.
 */
@Command(scope = "garrison", name = "group-delete", description = "Deletes an administration group (restorable "
        + "from the deleted objects)")
@Service
public class GroupDeleteCommand implements Action {

    @Reference
    private GroupService groups;

    @Argument(index = 0, name = "group", required = true, description = "The group to delete (id, path or name)")
    @Completion(GroupCompleter.class)
    private String group;

    @Option(name = "--mode", description = "empty-only (default), with-subgroups, or with-members (devices go back "
            + "to \"Unassigned devices\")")
    @Completion(value = StringsCompleter.class, values = {"empty-only", "with-subgroups", "with-members"})
    private String mode = "empty-only";

    @Override
    public Object execute() {
        GroupDeletion deletion = switch (mode) {
            case "empty-only" -> GroupDeletion.EMPTY_ONLY;
            case "with-subgroups" -> GroupDeletion.WITH_SUBGROUPS;
            case "with-members" -> GroupDeletion.WITH_MEMBERS;
            default -> throw new IllegalArgumentException(
                    "--mode must be one of empty-only, with-subgroups, with-members");
        };
        AdministrationGroup doomed = GroupArgument.resolve(groups, group);
        String path = GroupArgument.path(groups, doomed);
        groups.delete(doomed.id(), deletion, ShellActor.current());
        System.out.println("Deleted " + path);
        return null;
    }
}
