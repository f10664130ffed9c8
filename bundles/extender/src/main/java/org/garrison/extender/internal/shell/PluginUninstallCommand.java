package org.garrison.extender.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.garrison.api.plugin.PluginRegistry;
import org.garrison.api.security.ShellUser;

/**
 * Uninstalls a plugin; its tables stay unless {@code --purge} is given.
 */
@Command(scope = "garrison", name = "plugin-uninstall",
        description = "Uninstalls a plugin; its tables and data stay unless --purge is given")
@Service
public class PluginUninstallCommand implements Action {

    static final String NAME = "plugin-uninstall";

    @Reference
    PluginRegistry registry;

    @Reference
    ShellUser shell;

    @Argument(index = 0, name = "id", required = true, description = "The plugin id")
    String id;

    @Option(name = "--purge", description = "Also drop the plugin's tables and migration history")
    boolean purge;

    @Override
    public Object execute() {
        shell.requireAdministrator("change plugins");
        String plugin = id.strip();
        registry.uninstall(plugin, purge, shell.actor());
        shell.audit(NAME + (purge ? " --purge" : ""), "plugin", plugin);
        System.out.println("Uninstalled plugin " + plugin + (purge ? "; its tables were dropped" : "; its tables are kept"));
        return null;
    }
}
