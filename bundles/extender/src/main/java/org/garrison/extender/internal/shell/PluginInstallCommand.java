package org.garrison.extender.internal.shell;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.garrison.api.plugin.PluginInfo;
import org.garrison.api.plugin.PluginRegistry;
import org.garrison.api.security.ShellUser;

/**
 * Installs a plugin JAR from a file or URL, or upgrades the installed plugin of the same id, with the same checks as
 * an upload through the REST API.
 */
@Command(scope = "garrison", name = "plugin-install",
        description = "Installs (or upgrades) a plugin from a JAR file or URL")
@Service
public class PluginInstallCommand implements Action {

    static final String NAME = "plugin-install";

    @Reference
    PluginRegistry registry;

    @Reference
    ShellUser shell;

    @Argument(index = 0, name = "jar", required = true,
            description = "The plugin JAR: a file path, or a URL (file:, http:, https:, mvn:)")
    @Completion(FileCompleter.class)
    String jar;

    @Override
    public Object execute() throws IOException {
        shell.requireAdministrator("change plugins");
        String source = jar.strip();
        String fileName = source.substring(source.lastIndexOf('/') + 1);
        PluginInfo plugin;
        try (InputStream in = open(source)) {
            plugin = registry.install(in, fileName, shell.actor());
        }
        shell.audit(NAME, "plugin", plugin.id());
        PluginPrinter.print(plugin);
        return null;
    }

    private static InputStream open(String source) throws IOException {
        if (source.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:.*") && !source.matches("^[a-zA-Z]:[\\\\/].*")) {
            return URI.create(source).toURL().openStream();
        }
        return Files.newInputStream(Path.of(source));
    }
}
