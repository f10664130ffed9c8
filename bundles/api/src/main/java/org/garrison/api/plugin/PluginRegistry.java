package org.garrison.api.plugin;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import org.garrison.api.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The installed plugins and what they contribute, and their lifecycle at runtime. Provided by the extender.
 */
@ProviderType
public interface PluginRegistry {

    /** The largest plugin JAR accepted by {@link #install}. */
    long MAX_JAR_BYTES = 64L * 1024 * 1024;

    /** Every installed plugin, refused ones included, ordered by id. */
    List<PluginInfo> plugins();

    /**
     * @throws org.garrison.api.error.NotFoundException if no plugin has this id
     */
    PluginInfo plugin(String id);

    /**
     * The policy settings schema of an active plugin's application (JSON text), empty when the plugin is not active
     * or has no policy.
     */
    Optional<String> settingsSchema(String application);

    /**
     * The task types of the active plugins, ordered by application and type. (The tasks area adds the server's and
     * the agent's own types to these.)
     */
    List<TaskTypeDefinition> taskTypes();

    /** One task type of an active plugin. */
    Optional<TaskTypeDefinition> taskType(String application, String type);

    /**
     * Installs a plugin JAR, or upgrades the installed plugin of the same id, and starts it. The JAR is checked
     * first (size, structure, entry names, manifest header, descriptor); a refused JAR leaves nothing installed.
     *
     * @param jar      the JAR's bytes; read to the end, not closed
     * @param fileName the name it was uploaded under, for messages
     * @return the plugin as it stands after starting (possibly {@link PluginState#REFUSED} with the reason)
     * @throws org.garrison.api.error.ValidationException if the JAR is not a plugin JAR or is too large
     * @throws org.garrison.api.error.ConflictException if it is older than the installed version of the plugin
     */
    PluginInfo install(InputStream jar, String fileName, Actor actor);

    /** @throws org.garrison.api.error.NotFoundException if no plugin has this id */
    PluginInfo start(String id, Actor actor);

    /** @throws org.garrison.api.error.NotFoundException if no plugin has this id */
    PluginInfo stop(String id, Actor actor);

    /**
     * Uninstalls a plugin. Its tables and data stay unless {@code purge} is set, so reinstalling it later finds
     * them again; purging drops its tables and its migration history.
     *
     * @throws org.garrison.api.error.NotFoundException if no plugin has this id
     */
    void uninstall(String id, boolean purge, Actor actor);
}
