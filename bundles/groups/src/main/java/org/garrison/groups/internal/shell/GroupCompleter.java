package org.garrison.groups.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.group.GroupService;

/**
 * Completes group arguments with every group's path and id.
 */
@Service
public class GroupCompleter implements Completer {

    @Reference
    private GroupService groups;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        for (AdministrationGroup group : groups.all()) {
            delegate.getStrings().add(GroupArgument.path(groups, group));
            delegate.getStrings().add(group.id().toString());
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
