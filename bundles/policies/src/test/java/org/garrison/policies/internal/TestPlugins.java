package org.garrison.policies.internal;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.garrison.api.Actor;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.plugin.PluginContributions;
import org.garrison.api.plugin.PluginInfo;
import org.garrison.api.plugin.PluginRegistry;
import org.garrison.api.plugin.PluginState;
import org.garrison.api.plugin.TaskTypeDefinition;

/**
 * Active plugins as far as policies see them: an id, a version and a settings schema.
 */
final class TestPlugins implements PluginRegistry {

    private final Map<String, PluginInfo> plugins = new ConcurrentHashMap<>();

    /** Installs (or upgrades) an active plugin with a settings schema. */
    PluginInfo install(String id, String version, String settingsSchema) {
        PluginInfo info = new PluginInfo(id, id, "test", version, null, PluginState.ACTIVE, null, 1L, Instant.now(),
                new PluginContributions(settingsSchema, List.of(), List.of(), List.of(), List.of(), List.of(),
                        List.of()));
        plugins.put(id, info);
        return info;
    }

    void remove(String id) {
        plugins.remove(id);
    }

    @Override
    public List<PluginInfo> plugins() {
        return List.copyOf(plugins.values());
    }

    @Override
    public PluginInfo plugin(String id) {
        PluginInfo info = plugins.get(id);
        if (info == null) {
            throw new NotFoundException("Plugin", id);
        }
        return info;
    }

    @Override
    public Optional<String> settingsSchema(String application) {
        PluginInfo info = plugins.get(application);
        return info == null || info.state() != PluginState.ACTIVE ? Optional.empty()
                : Optional.ofNullable(info.contributions().settingsSchema());
    }

    @Override
    public List<TaskTypeDefinition> taskTypes() {
        return List.of();
    }

    @Override
    public Optional<TaskTypeDefinition> taskType(String application, String type) {
        return Optional.empty();
    }

    @Override
    public PluginInfo install(InputStream jar, String fileName, Actor actor) {
        throw new UnsupportedOperationException("not needed by the policies' tests");
    }

    @Override
    public PluginInfo start(String id, Actor actor) {
        throw new UnsupportedOperationException("not needed by the policies' tests");
    }

    @Override
    public PluginInfo stop(String id, Actor actor) {
        throw new UnsupportedOperationException("not needed by the policies' tests");
    }

    @Override
    public void uninstall(String id, boolean purge, Actor actor) {
        throw new UnsupportedOperationException("not needed by the policies' tests");
    }
}
