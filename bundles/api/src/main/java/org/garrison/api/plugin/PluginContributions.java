package org.garrison.api.plugin;

import java.util.List;

import org.garrison.api.data.DataItem;
import org.garrison.api.event.EventTypeDefinition;
import org.garrison.api.security.PermissionDefinition;

/**
 * Everything a plugin brings, as read from its descriptor.
 *
 * @param settingsSchema the JSON Schema (2020-12) of the application's policy settings as JSON text, or {@code null}
 *                       when the application has no policy
 * @param taskTypes      the task types it defines
 * @param eventTypes     the event types its application reports
 * @param dataKinds      the kinds of data its application sends through the agent
 * @param console        its console contributions
 * @param data           the data it stores, for the data inventory
 * @param permissions    its own permissions (ids prefixed with the plugin id)
 */
public record PluginContributions(String settingsSchema, List<TaskTypeDefinition> taskTypes,
        List<EventTypeDefinition> eventTypes, List<DataKindDefinition> dataKinds, List<ConsoleContribution> console,
        List<DataItem> data, List<PermissionDefinition> permissions) {

    /** A plugin that contributes nothing (not active, or an empty descriptor). */
    public static final PluginContributions NONE =
            new PluginContributions(null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

    public PluginContributions {
        taskTypes = List.copyOf(taskTypes);
        eventTypes = List.copyOf(eventTypes);
        dataKinds = List.copyOf(dataKinds);
        console = List.copyOf(console);
        data = List.copyOf(data);
        permissions = List.copyOf(permissions);
    }
}
