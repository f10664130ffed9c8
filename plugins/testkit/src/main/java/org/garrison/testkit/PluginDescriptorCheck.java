package org.garrison.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.garrison.api.error.FieldError;
import org.garrison.api.error.ValidationException;
import org.garrison.extender.internal.descriptor.DescriptorReader;
import org.garrison.extender.internal.descriptor.PluginDescriptor;
import org.garrison.extender.internal.descriptor.PluginVersion;
import org.garrison.extender.internal.jar.CheckedJar;
import org.garrison.extender.internal.jar.PluginJarCheck;
import org.garrison.extender.internal.schema.JsonSchemas;

/**
 * Checks a built plugin JAR offline, with the very checks the server runs on upload (the plugin extender's own
 * classes, from the {@code org.garrison.extender} artifact of the same Garrison version as this kit): size, ZIP
 * entry names, the bundle manifest and the {@code Garrison-Plugin} header against the descriptor, the descriptor
 * against its schema, every JSON Schema it names present, within size and valid draft 2020-12, console modules
 * present, permissions and tables in the plugin's namespace, the changelog a Liquibase formatted-SQL one.
 *
 * <p>On top of that it refuses imports of Garrison packages other than {@code org.garrison.api} (no bundle exports
 * them). What it cannot know offline, and only a real server tells ({@link GarrisonClient#installPlugin}): whether
 * every other import resolves against the server's bundles, whether the migrations run on the database, whether
 * another installed plugin has the same id; and, unless {@link #forServer(String)} names the server's version,
 * whether {@code minServerVersion} is met.
 */
public final class PluginDescriptorCheck {

    /** The largest plugin JAR the server accepts (its upload limit). */
    public static final long MAX_JAR_BYTES = 64L * 1024 * 1024;

    private final PluginJarCheck jars = new PluginJarCheck(new DescriptorReader(new JsonSchemas()), MAX_JAR_BYTES);
    private final String serverVersion;

    /** A check without a server version: {@code minServerVersion} is only checked for its form. */
    public PluginDescriptorCheck() {
        this(null);
    }

    private PluginDescriptorCheck(String serverVersion) {
        this.serverVersion = serverVersion;
    }

    /**
     * A check that also refuses a plugin whose {@code minServerVersion} is newer than the server's version (e.g.
     * {@code 0.1.0-SNAPSHOT}; qualifiers are ignored, as the server ignores them).
     */
    public static PluginDescriptorCheck forServer(String serverVersion) {
        PluginVersion.ofServer(serverVersion);
        return new PluginDescriptorCheck(serverVersion);
    }

    /**
     * Checks a plugin's build output before it is packaged ({@code target/classes} with the {@code META-INF/MANIFEST.MF}
     * bnd wrote and {@code GARRISON-INF/}), as the JAR made from it: for unit tests, which run before
     * {@code package}. The result names a temporary JAR, deleted again.
     */
    public PluginCheckResult checkBuildOutput(Path classes) {
        if (!Files.isRegularFile(classes.resolve(JarFile.MANIFEST_NAME))) {
            throw new TestKitException("No " + JarFile.MANIFEST_NAME + " in " + classes + ": does bnd run before the "
                    + "tests (bnd-maven-plugin, goal bnd-process)?");
        }
        Path jar = null;
        try {
            jar = Files.createTempFile("plugin-build-output-", ".jar");
            FolderJar.write(classes, jar);
            return check(jar);
        } catch (IOException e) {
            throw new TestKitException("Cannot pack " + classes + " into a JAR: " + e.getMessage(), e);
        } finally {
            if (jar != null) {
                try {
                    Files.deleteIfExists(jar);
                } catch (IOException ignored) {
                    // a temporary file
                }
            }
        }
    }

    /**
     * Checks the JAR.
     *
     * @return every problem found (the field of each a path below {@code GARRISON-INF/}, or {@code file} and
     *         {@code Import-Package} for the JAR itself), and what the descriptor declares when it was readable
     */
    public PluginCheckResult check(Path jar) {
        List<Problem.FieldProblem> problems = new ArrayList<>();
        List<String> imports = List.of();
        PluginDescriptor descriptor = null;
        try (InputStream in = Files.newInputStream(jar)) {
            try (CheckedJar checked = jars.check(in, jar.getFileName().toString())) {
                descriptor = checked.descriptor();
            }
        } catch (ValidationException e) {
            e.errors().forEach(error -> problems.add(problem(error)));
        } catch (IOException e) {
            throw new TestKitException("Cannot read the plugin JAR " + jar + ": " + e.getMessage(), e);
        }
        Optional<Manifest> manifest = manifest(jar);
        if (manifest.isPresent()) {
            imports = ImportedPackages.of(manifest.get().getMainAttributes().getValue("Import-Package"));
            for (String name : imports) {
                if (name.startsWith("org.garrison.") && !name.equals("org.garrison.api")
                        && !name.startsWith("org.garrison.api.")) {
                    problems.add(new Problem.FieldProblem("Import-Package", "imports " + name + ", which no Garrison "
                            + "bundle exports: a plugin may use org.garrison.api packages only"));
                }
            }
        }
        if (descriptor != null && serverVersion != null) {
            DescriptorReader.incompatibility(descriptor, PluginVersion.ofServer(serverVersion))
                    .ifPresent(reason -> problems.add(new Problem.FieldProblem("plugin.json/minServerVersion",
                            reason)));
        }
        return PluginCheckResult.of(jar, descriptor, imports, problems);
    }

    private static Problem.FieldProblem problem(FieldError error) {
        return new Problem.FieldProblem(error.field(), error.message());
    }

    private static Optional<Manifest> manifest(Path jar) {
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            return Optional.ofNullable(file.getManifest());
        } catch (IOException | SecurityException notAJar) {
            // the JAR check above already reported why
            return Optional.empty();
        }
    }
}
