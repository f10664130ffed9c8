package org.garrison.groups.internal.shell;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.groups.internal.AdministrationGroupsService;
import org.garrison.groups.internal.GroupCounts;

/**
 * Prints the group tree, indented, with device counts.
 */
@Command(scope = "garrison", name = "group-tree", description = "Shows the administration-group tree with device "
        + "counts: [in the group / in the group and below]")
@Service
public class GroupTreeCommand implements Action {

    @Reference
    private AdministrationGroupsService groups;

    @Option(name = "--ids", description = "Show each group's id")
    private boolean ids;

    @Override
    public Object execute() {
        GroupCounts counts = groups.counts();
        PrintStream out = System.out;
        for (AdministrationGroup group : groups.all()) {
            out.println("  ".repeat(groups.ancestors(group.id()).size()) + group.name() + "  ["
                    + counts.direct(group.id()) + "/" + counts.subtree(group.id()) + "]"
                    + (ids ? "  " + group.id() : ""));
        }
        return null;
    }
}
