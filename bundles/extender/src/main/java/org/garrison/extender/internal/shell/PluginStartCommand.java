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
 * Starts a stopped plugin, or checks a refused one again.
 */
@Command(scope = "garrison", name = "plugin-start", description = "Starts a stopped plugin or retries a refused one")
@Service
public class PluginStartCommand implements Action {

    static final String NAME = "plugin-start";

    @Reference
    PluginRegistry registry;

    @Reference
    ShellUser shell;

    @Argument(index = 0, name = "id", required = true, description = "The plugin id")
    String id;

    @Override
    public Object execute() {
        shell.requireAdministrator("change plugins");
        PluginInfo plugin = registry.start(id.strip(), shell.actor());
        shell.audit(NAME, "plugin", plugin.id());
        PluginPrinter.print(plugin);
        return null;
    }
}
