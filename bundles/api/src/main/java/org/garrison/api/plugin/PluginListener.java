package org.garrison.api.plugin;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Hears when plugins change state, e.g. the policies area, to check existing policies against an upgraded plugin's
 * new settings schema. Register it as an OSGi service. Called on the extender's thread after the change; return
 * quickly.
 */
@ConsumerType
public interface PluginListener {

    /**
     * A plugin was installed, started, upgraded, stopped, refused or uninstalled.
     *
     * @param previous the plugin before the change, or {@code null} when it was not installed
     * @param current  the plugin after the change, or {@code null} when it was uninstalled
     */
    void pluginChanged(PluginInfo previous, PluginInfo current);
}
