package org.garrison.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/**
 * Builds plugin JARs in the test, as a vendor's build would: a manifest with the {@code Garrison-Plugin} header, the
 * descriptor, schemas, console modules, a changelog and, for {@link #withThreatsResource()}, the compiled classes of
 * {@link org.garrison.itests.plugin.ThreatsResource} with their DS component description.
 */
final class PluginJars {

    private final Map<String, String> manifest = new LinkedHashMap<>();
    private final Map<String, byte[]> entries = new LinkedHashMap<>();

    private PluginJars(String symbolicName, String id, String version) {
        manifest.put("Bundle-ManifestVersion", "2");
        manifest.put("Bundle-SymbolicName", symbolicName);
        manifest.put("Bundle-Version", version);
        manifest.put("Garrison-Plugin", id + ";version=" + version);
    }

    /** A plugin JAR with a manifest only; add its descriptor and files. */
    static PluginJars plugin(String id, String version) {
        return new PluginJars("org.garrison.itests.plugins." + id.replace('-', '.'), id, version);
    }

    /** A plugin with a descriptor that names nothing but itself. */
    static PluginJars minimal(String id, String version) {
        return plugin(id, version).with("GARRISON-INF/plugin.json",
                "{\"id\":\"" + id + "\",\"name\":\"Test " + id + "\",\"version\":\"" + version + "\"}");
    }

    PluginJars header(String name, String value) {
        manifest.put(name, value);
        return this;
    }

    PluginJars with(String path, String content) {
        entries.put(path, content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /**
     * Adds the test plugin's REST resource: its classes, read from the test's own class path, and a component
     * description that publishes it into the plugin's JAX-RS application once the plugin's tables are migrated.
     */
    PluginJars withThreatsResource() {
        String type = "org/garrison/itests/plugin/ThreatsResource";
        entries.put(type + ".class", classBytes(type + ".class"));
        entries.put(type + "$Threat.class", classBytes(type + "$Threat.class"));
        with("OSGI-INF/threats.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="itest-av.threats">
                  <implementation class="org.garrison.itests.plugin.ThreatsResource"/>
                  <service><provide interface="org.garrison.itests.plugin.ThreatsResource"/></service>
                  <property name="osgi.jaxrs.resource" type="Boolean" value="true"/>
                  <property name="osgi.jaxrs.application.select" value="(garrison.plugin=itest-av)"/>
                  <property name="osgi.jaxrs.extension.select" value="(osgi.jaxrs.media.type=application/json)"/>
                  <reference name="transactions" interface="org.garrison.api.store.Transactions"
                      field="transactions"/>
                  <reference name="schema" interface="org.garrison.api.store.MigratedSchema"
                      target="(garrison.schema=itest-av)" field="schema"/>
                </scr:component>
                """);
        header("Service-Component", "OSGI-INF/threats.xml");
        header("Import-Package", "javax.ws.rs;version=\"[2.1,3)\",javax.ws.rs.core;version=\"[2.1,3)\","
                + "org.garrison.api.error;version=\"[1.0,2)\",org.garrison.api.security;version=\"[1.0,2)\","
                + "org.garrison.api.store;version=\"[1.1,2)\"");
        return this;
    }

    byte[] build() {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.forEach((name, value) -> mf.getMainAttributes().putValue(name, value));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, mf)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                jar.putNextEntry(new ZipEntry(entry.getKey()));
                jar.write(entry.getValue());
                jar.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A multipart form with the JAR as its field {@code file}, as a browser uploads it. */
    static byte[] form(String boundary, String fileName, byte[] jar) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/java-archive\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(jar);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private static byte[] classBytes(String path) {
        try (InputStream in = PluginJars.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the test's class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
