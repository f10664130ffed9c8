package org.garrison.extender.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.garrison.api.plugin.PluginInfo;
import org.garrison.api.plugin.PluginRegistry;

/**
 * Lists the installed plugins with their state, and why a refused one was refused.
 */
@Command(scope = "garrison", name = "plugin-list", description = "Lists installed plugins and their state")
@Service
public class PluginListCommand implements Action {

    @Reference
    PluginRegistry registry;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Version");
        table.column("State");
        table.column("Bundle");
        table.column("Signature");
        table.column("Name");
        table.column("Message").maxSize(100).wrap();
        for (PluginInfo plugin : registry.plugins()) {
            table.addRow().addContent(plugin.id(), plugin.version(), plugin.state(), plugin.bundleId(),
                    plugin.signature().state(), plugin.name(), plugin.message() == null ? "" : plugin.message());
        }
        table.print(System.out);
        return null;
    }
}
