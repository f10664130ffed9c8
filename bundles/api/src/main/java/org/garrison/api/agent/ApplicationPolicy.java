package org.garrison.api.agent;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An application's effective policy as the agent hands it to the application on the device (through the local
 * bridge): the merged settings and the paths the application must not let anyone change locally.
 *
 * @param application    the application (plugin) id
 * @param hash           the effective policy's hash: it changes exactly when the settings or the locked paths do
 * @param settings       the merged settings, {@code {}} when no policy applies (the application keeps its defaults)
 * @param lockedSettings the locked paths ({@code scan/interval}), sorted
 */
public record ApplicationPolicy(String application, String hash, Map<String, Object> settings,
        List<String> lockedSettings) {

    public ApplicationPolicy {
        // not Map.copyOf: a setting may be JSON null
        settings = settings == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        lockedSettings = lockedSettings == null ? List.of() : List.copyOf(lockedSettings);
    }
}
