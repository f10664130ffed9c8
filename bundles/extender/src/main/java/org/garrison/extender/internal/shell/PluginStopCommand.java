package org.garrison.extender.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.garrison.api.plugin.PluginInfo;
import org.garrison.api.plugin.PluginRegistry;
import org.garrison.api.security.ShellUser;

/**
 * Stops a plugin: it contributes nothing until started again, across restarts; its data is kept.
 */
@Command(scope = "garrison", name = "plugin-stop", description = "Stops a plugin (its data is kept)")
@Service
public class PluginStopCommand implements Action {

    static final String NAME = "plugin-stop";

    @Reference
    PluginRegistry registry;

    @Reference
    ShellUser shell;

    @Argument(index = 0, name = "id", required = true, description = "The plugin id")
    String id;

    @Override
    public Object execute() {
        shell.requireAdministrator("change plugins");
        PluginInfo plugin = registry.stop(id.strip(), shell.actor());
        shell.audit(NAME, "plugin", plugin.id());
        PluginPrinter.print(plugin);
        return null;
    }
}
