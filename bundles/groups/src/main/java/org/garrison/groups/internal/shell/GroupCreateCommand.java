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
 * Creates a group.
 */
@Command(scope = "garrison", name = "group-create", description = "Creates an administration group")
@Service
public class GroupCreateCommand implements Action {

    @Reference
    private GroupService groups;

    @Argument(index = 0, name = "parent", required = true,
            description = "The parent group: its id, its path (\"Managed devices/Office\") or a unique name")
    @Completion(GroupCompleter.class)
    private String parent;

    @Argument(index = 1, name = "name", required = true, description = "The new group's name")
    private String name;

    @Override
    public Object execute() {
        AdministrationGroup created = groups.create(GroupArgument.resolve(groups, parent).id(), name,
                ShellActor.current());
        System.out.println("Created " + GroupArgument.path(groups, created) + " (" + created.id() + ")");
        return null;
    }
}
