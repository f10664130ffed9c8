package org.garrison.tasks.internal;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.garrison.api.Actor;
import org.garrison.api.plugin.PluginInfo;
import org.garrison.api.plugin.PluginRegistry;
import org.garrison.api.plugin.TaskTypeDefinition;

/** The plugin platform as tasks see it: the task types of the active plugins, which a test sets. */
final class TestPlugins implements PluginRegistry {

    final List<TaskTypeDefinition> types = new CopyOnWriteArrayList<>();

    @Override
    public List<TaskTypeDefinition> taskTypes() {
        return List.copyOf(types);
    }

    @Override
    public Optional<TaskTypeDefinition> taskType(String application, String type) {
        return types.stream().filter(t -> t.application().equals(application) && t.type().equals(type)).findFirst();
    }

    @Override
    public List<PluginInfo> plugins() {
        throw new UnsupportedOperationException();
    }

    @Override
    public PluginInfo plugin(String id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<String> settingsSchema(String application) {
        throw new UnsupportedOperationException();
    }

    @Override
    public PluginInfo install(InputStream jar, String fileName, Actor actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public PluginInfo start(String id, Actor actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public PluginInfo stop(String id, Actor actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void uninstall(String id, boolean purge, Actor actor) {
        throw new UnsupportedOperationException();
    }
}
