package org.garrison.extender.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.garrison.api.audit.AuditLog;
import org.garrison.api.plugin.PluginInfo;
import org.garrison.api.plugin.PluginRegistry;

/**
 * Stops a plugin: it contributes nothing until started again, across restarts; its data is kept.
 */
@Command(scope = "garrison", name = "plugin-stop", description = "Stops a plugin (its data is kept)")
@Service
public class PluginStopCommand implements Action {

    static final String NAME = "plugin-stop";

    @Reference
    PluginRegistry registry;

    @Reference(optional = true)
    AuditLog audit;

    @Argument(index = 0, name = "id", required = true, description = "The plugin id")
    String id;

    @Override
    public Object execute() {
        ShellAccess.requireAdministrator();
        PluginInfo plugin = registry.stop(id.strip(), ShellAccess.actor());
        ShellAudit.record(audit, NAME, plugin);
        PluginPrinter.print(plugin);
        return null;
    }
}
