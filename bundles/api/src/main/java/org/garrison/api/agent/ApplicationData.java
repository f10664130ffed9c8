package org.garrison.api.agent;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Data a managed application on a device reports through the agent, for the plugin of that application.
 *
 * @param application the application's (plugin's) id
 * @param kind        the device-data kind the plugin declares, e.g. "threats"
 * @param reportedAt  when the application produced it
 * @param data        the data, a JSON object following the plugin's schema for the kind
 */
public record ApplicationData(String application, String kind, Instant reportedAt, Map<String, Object> data) {

    public ApplicationData {
        data = data == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }
}
