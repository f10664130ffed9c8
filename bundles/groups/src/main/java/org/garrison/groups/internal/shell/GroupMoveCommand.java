package org.garrison.groups.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.group.GroupService;

/**
 * Moves a group with its subtree.
 */
@Command(scope = "garrison", name = "group-move", description = "Moves an administration group, with its "
        + "subgroups, under another parent")
@Service
public class GroupMoveCommand implements Action {

    @Reference
    private GroupService groups;

    @Argument(index = 0, name = "group", required = true, description = "The group to move (id, path or name)")
    @Completion(GroupCompleter.class)
    private String group;

    @Argument(index = 1, name = "parent", required = true, description = "The new parent (id, path or name)")
    @Completion(GroupCompleter.class)
    private String parent;

    @Override
    public Object execute() {
        AdministrationGroup moved = groups.move(GroupArgument.resolve(groups, group).id(),
                GroupArgument.resolve(groups, parent).id(), ShellActor.current());
        System.out.println("Moved to " + GroupArgument.path(groups, moved));
        return null;
    }
}
