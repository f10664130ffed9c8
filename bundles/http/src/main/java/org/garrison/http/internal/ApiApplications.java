package org.garrison.http.internal;

/**
 * The JAX-RS applications that make up the REST API: the whiteboard's default application at {@value #API_ROOT}
 * (core resources) and one application per active plugin at {@code /api/v1/plugins/<id>/resources}, which the
 * plugin extender registers with the service property {@value #PLUGIN_PROPERTY}. Every extension of this bundle
 * selects all of them, so a plugin's resources get the same authentication, JSON, errors, limits and audit as the
 * core's; a plugin's resources joining or leaving its own application never redeploy the default one.
 */
public final class ApiApplications {

    /** Where the default application lives (etc/org.apache.aries.jax.rs.whiteboard.default.cfg). */
    public static final String API_ROOT = "/api/v1";

    /** The service property of a plugin's application naming the plugin. */
    public static final String PLUGIN_PROPERTY = "garrison.plugin";

    /** The application filter every extension of the API declares. */
    public static final String ALL = "(|(osgi.jaxrs.name=.default)(" + PLUGIN_PROPERTY + "=*))";

    private ApiApplications() {
    }

    /**
     * Where an application sits below the API root, from a request's base URI path: empty for the default
     * application, {@code /plugins/<id>/resources} for a plugin's.
     */
    public static String prefixOf(String basePath) {
        if (basePath == null || !basePath.startsWith(API_ROOT)) {
            return "";
        }
        String prefix = basePath.substring(API_ROOT.length());
        while (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        return prefix;
    }
}
