package org.garrison.extender.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import javax.ws.rs.core.Application;
import javax.ws.rs.core.MediaType;

import org.garrison.api.data.DataInventoryProvider;
import org.garrison.api.event.EventTypeProvider;
import org.garrison.api.plugin.PluginContributions;
import org.garrison.api.security.PermissionProvider;
import org.garrison.api.store.MigratedSchema;
import org.garrison.extender.internal.descriptor.PluginDescriptor;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.jaxrs.whiteboard.JaxrsWhiteboardConstants;

/**
 * Everything the extender registers for one active plugin, and takes back when it stops: its event types,
 * permissions and data items as the services the core areas collect, its JAX-RS application at
 * {@code /api/v1/plugins/<id>/resources} (which its own REST resources join, so they never redeploy the core's
 * application), and, from the plugin's own context, the {@link MigratedSchema} its components may wait for.
 *
 * <p>The application sits one level below {@code /api/v1/plugins/<id>} because the whiteboard gives each application
 * a servlet context of its own at its base path: a context at the plugin's own path would take over the core's calls
 * about the plugin ({@code GET /plugins/<id>} would be redirected to {@code /plugins/<id>/}).
 */
final class PluginActivation {

    /** The service property naming the plugin a registration belongs to. */
    static final String PLUGIN_PROPERTY = "garrison.plugin";

    /** Where the default JAX-RS application lives (etc/org.apache.aries.jax.rs.whiteboard.default.cfg). */
    static final String API_ROOT = "/api/v1";

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    private PluginActivation() {
    }

    /**
     * @param extender   the extender's context, owner of the contributions
     * @param plugin     the plugin bundle, owner of its schema service
     * @param migratedAt when its tables were migrated, or {@code null} when it has none
     */
    static PluginActivation register(BundleContext extender, Bundle plugin, PluginDescriptor descriptor,
            Instant migratedAt) {
        PluginActivation activation = new PluginActivation();
        try {
            activation.registerAll(extender, plugin, descriptor, migratedAt);
            return activation;
        } catch (RuntimeException e) {
            activation.unregister();
            throw e;
        }
    }

    private void registerAll(BundleContext extender, Bundle plugin, PluginDescriptor descriptor, Instant migratedAt) {
        String id = descriptor.id();
        PluginContributions contributions = descriptor.contributions();
        registrations.add(extender.registerService(EventTypeProvider.class, contributions::eventTypes,
                properties(id)));
        registrations.add(extender.registerService(PermissionProvider.class, contributions::permissions,
                properties(id)));
        registrations.add(extender.registerService(DataInventoryProvider.class, contributions::data,
                properties(id)));
        Dictionary<String, Object> application = properties(id);
        application.put(JaxrsWhiteboardConstants.JAX_RS_APPLICATION_BASE, applicationBase(id));
        application.put(JaxrsWhiteboardConstants.JAX_RS_NAME, applicationName(id));
        application.put(JaxrsWhiteboardConstants.JAX_RS_EXTENSION_SELECT,
                "(" + JaxrsWhiteboardConstants.JAX_RS_MEDIA_TYPE + "=" + MediaType.APPLICATION_JSON + ")");
        registrations.add(extender.registerService(Application.class, new PluginApplication(),
                application));
        BundleContext pluginContext = plugin.getBundleContext();
        if (migratedAt != null && pluginContext != null) {
            Dictionary<String, Object> schema = new Hashtable<>();
            schema.put(MigratedSchema.SCHEMA_PROPERTY, id);
            registrations.add(pluginContext.registerService(MigratedSchema.class, new Migrated(id, migratedAt),
                    schema));
        }
    }

    /** The base path of a plugin's JAX-RS application: its resources answer below it. */
    static String applicationBase(String pluginId) {
        return API_ROOT + "/plugins/" + pluginId + "/resources";
    }

    /** The name of a plugin's JAX-RS application; its resources select it with {@code (garrison.plugin=<id>)}. */
    static String applicationName(String pluginId) {
        return "garrison.plugin." + pluginId;
    }

    void unregister() {
        for (ServiceRegistration<?> registration : registrations) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework unregisters a stopping plugin's own services itself
            }
        }
        registrations.clear();
    }

    private static Dictionary<String, Object> properties(String id) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(PLUGIN_PROPERTY, id);
        return properties;
    }

    /** A plugin's JAX-RS application: empty until the plugin's own resources join it through the whiteboard. */
    private static final class PluginApplication extends Application {
    }

    private record Migrated(String name, Instant migratedAt) implements MigratedSchema {
    }
}
