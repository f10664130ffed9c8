package org.garrison.itests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.garrison.api.Actor;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.plugin.PluginInfo;
import org.garrison.api.plugin.PluginRegistry;
import org.garrison.api.plugin.PluginState;
import org.garrison.api.policy.PolicyDraft;
import org.garrison.api.policy.PolicyService;
import org.garrison.api.policy.PolicyState;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/**
 * A plugin JAR made of a descriptor and a settings schema only, as a vendor's plugin without Java code would be:
 * enough for the server to accept policies of its application. Any test that needs policies installs it.
 */
final class PolicyTestPlugin {

    /** The plugin id tests use unless they need one of their own. */
    static final String APP = "itest-antivirus";

    /** A settings schema: real-time protection on or off, a scan interval in minutes, scan paths. */
    static final String SCHEMA = """
            {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
             "properties":{"realtime":{"type":"boolean"},
                           "firewall":{"enum":["normal","strict"]},
                           "scan":{"type":"object","additionalProperties":false,
                                   "properties":{"interval":{"type":"integer","minimum":1,"maximum":1440},
                                                 "paths":{"type":"array","items":{"type":"string"}}}}},
             "additionalProperties":false}""";

    /** The same schema after an upgrade that allows scans at most hourly. */
    static final String STRICTER_SCHEMA = SCHEMA.replace("\"maximum\":1440", "\"maximum\":60");

    private PolicyTestPlugin() {
    }

    /** The JAR of plugin {@code id} in the given version with the given settings schema. */
    static byte[] jar(String id, String version, String settingsSchema) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "org.garrison.itest." + id);
        main.putValue("Bundle-Version", version);
        main.putValue("Bundle-Name", "Integration test plugin " + id);
        main.putValue("Garrison-Plugin", id + ";version=" + version);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            add(jar, "GARRISON-INF/plugin.json", "{\"id\":\"" + id + "\",\"name\":\"Test antivirus " + id
                    + "\",\"vendor\":\"Garrison tests\",\"version\":\"" + version
                    + "\",\"settingsSchema\":\"settings.json\"}");
            add(jar, "GARRISON-INF/schemas/settings.json", settingsSchema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Installs and starts the plugin, unless a bundle of it is installed already, and waits until the server has it
     * active in that version.
     *
     * @return the plugin's bundle
     */
    static Bundle install(BundleContext context, PluginRegistry plugins, String id, String version, String schema)
            throws BundleException, InterruptedException {
        for (Bundle bundle : context.getBundles()) {
            if (("org.garrison.itest." + id).equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        Bundle bundle = context.installBundle("itest:" + id, new ByteArrayInputStream(jar(id, version, schema)));
        bundle.start();
        awaitActive(plugins, id, version);
        return bundle;
    }

    /** Waits up to a minute for the plugin to be active in that version with its settings schema. */
    static void awaitActive(PluginRegistry plugins, String id, String version) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        PluginInfo last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                last = plugins.plugin(id);
                if (last.state() == PluginState.ACTIVE && version.equals(last.version())
                        && plugins.settingsSchema(id).isPresent()) {
                    return;
                }
                if (last.state() == PluginState.REFUSED) {
                    throw new AssertionError("the plugin " + id + " was refused: " + last.message());
                }
            } catch (NotFoundException notYet) {
                // the extender has not seen the bundle yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the plugin " + id + " " + version + " did not become active: " + last);
    }

    /** A new inactive policy of {@link #APP} in the group (the plugin must be installed). */
    static UUID policyIn(PolicyService policies, UUID group, Actor actor) {
        return policies.create(new PolicyDraft(APP, group, "Policy " + UUID.randomUUID(), null, PolicyState.INACTIVE,
                null, null, Map.of("realtime", true), List.of(), List.of(), null), actor).id();
    }

    private static void add(JarOutputStream jar, String name, String content) throws IOException {
        jar.putNextEntry(new JarEntry(name));
        jar.write(content.getBytes(StandardCharsets.UTF_8));
        jar.closeEntry();
    }
}
