package org.garrison.itests;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The smallest plugin with a task type of its own, built the way a vendor's build lays it out: a bundle with the
 * {@code Garrison-Plugin} header and a descriptor naming the task type and the schema of its parameters. Its
 * application lives on the devices (here: the test agents say they have it installed).
 */
final class TaskPluginJar {

    static final String ID = "itest-tasks";
    static final String TYPE = "collect";

    private TaskPluginJar() {
    }

    /** Writes the plugin JAR to the file (e.g. into the server's deploy folder). */
    static void write(Path file) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "org.garrison.itests.tasks.plugin");
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Bundle-Name", "Tasks IT plugin");
        main.putValue("Garrison-Plugin", ID + ";version=1.0.0");
        Files.createDirectories(file.getParent());
        // written next to the deploy folder, then moved in: file install must never see a half-written JAR
        Path partial = file.getParent().resolveSibling(file.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(partial); JarOutputStream jar = new JarOutputStream(out,
                manifest)) {
            entry(jar, "GARRISON-INF/plugin.json", "{\"id\":\"" + ID + "\",\"name\":\"Tasks IT\",\"vendor\":"
                    + "\"Garrison tests\",\"version\":\"1.0.0\",\"taskTypes\":[{\"type\":\"" + TYPE + "\","
                    + "\"title\":\"Collect\",\"description\":\"Collects what the application knows\","
                    + "\"parametersSchema\":\"collect.json\"}]}");
            entry(jar, "GARRISON-INF/schemas/collect.json", "{\"$schema\":\"https://json-schema.org/draft/2020-12/"
                    + "schema\",\"type\":\"object\",\"required\":[\"depth\"],\"additionalProperties\":false,"
                    + "\"properties\":{\"depth\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":5}}}");
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void entry(JarOutputStream jar, String name, String content) throws IOException {
        jar.putNextEntry(new JarEntry(name));
        jar.write(content.getBytes(StandardCharsets.UTF_8));
        jar.closeEntry();
    }
}
