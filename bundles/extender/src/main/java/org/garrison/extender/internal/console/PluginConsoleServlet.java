package org.garrison.extender.internal.console;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.garrison.extender.internal.PluginExtender;
import org.garrison.extender.internal.descriptor.DescriptorReader;
import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Serves the console modules of active plugins, {@code GARRISON-INF/console/**} of each plugin JAR, at
 * {@code /console/plugins/<id>/...}; the pattern is longer than the console's own {@code /console/*}, so it takes
 * precedence. Like the console's files, they are public: the console shell loads them before any API call, and the
 * API calls they make carry the admin's session. The ETag names the plugin's version and bundle revision, so a
 * browser revalidates cheaply and picks up an upgrade at once.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/console/plugins/*")
@HttpWhiteboardServletName("garrison-plugin-console")
public final class PluginConsoleServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("js", "text/javascript;charset=utf-8"),
            Map.entry("mjs", "text/javascript;charset=utf-8"),
            Map.entry("css", "text/css;charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("map", "application/json"),
            Map.entry("html", "text/html;charset=utf-8"),
            Map.entry("txt", "text/plain;charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("woff", "font/woff"));

    private final transient PluginExtender plugins;

    @Activate
    public PluginConsoleServlet(@Reference PluginExtender plugins) {
        this.plugins = plugins;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        Optional<ConsoleModulePath> path = ConsoleModulePath.of(request.getPathInfo());
        if (path.isEmpty()) {
            error(response, HttpServletResponse.SC_NOT_FOUND, "Not found");
            return;
        }
        Optional<Bundle> bundle = plugins.activeBundle(path.get().pluginId());
        URL entry = bundle.map(b -> b.getEntry(DescriptorReader.CONSOLE + path.get().file())).orElse(null);
        if (entry == null || path.get().file().endsWith("/")) {
            error(response, HttpServletResponse.SC_NOT_FOUND, "Not found");
            return;
        }
        String etag = "\"" + path.get().pluginId() + "-" + bundle.get().getVersion() + "-"
                + Long.toString(bundle.get().getLastModified(), 36) + "\"";
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("ETag", etag);
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(TYPES.getOrDefault(extension(path.get().file()), "application/octet-stream"));
        try (InputStream in = entry.openStream()) {
            in.transferTo(response.getOutputStream());
        }
    }

    private static String extension(String file) {
        int dot = file.lastIndexOf('.');
        return dot < 0 ? "" : file.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static void error(HttpServletResponse response, int status, String message) throws IOException {
        byte[] body = (message + '\n').getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/plain;charset=utf-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
