package org.garrison.extender.internal.shell;

import org.garrison.api.plugin.PluginInfo;

/** How the plugin commands report a plugin after acting on it. */
final class PluginPrinter {

    private PluginPrinter() {
    }

    static void print(PluginInfo plugin) {
        System.out.println("Plugin " + plugin.id() + " " + plugin.version() + " (bundle " + plugin.bundleId() + "): "
                + plugin.state() + (plugin.message() == null ? "" : " - " + plugin.message()));
    }
}
