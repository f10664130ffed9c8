package org.garrison.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/**
 * Packs a build-output folder into a JAR the way the JAR plugin does: its manifest first, then every file under its
 * relative path with {@code /} separators.
 */
final class FolderJar {

    private FolderJar() {
    }

    static void write(Path folder, Path jar) throws IOException {
        Manifest manifest;
        try (InputStream in = Files.newInputStream(folder.resolve(JarFile.MANIFEST_NAME))) {
            manifest = new Manifest(in);
        }
        List<Path> files;
        try (Stream<Path> all = Files.walk(folder)) {
            files = all.filter(Files::isRegularFile).sorted().toList();
        }
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            for (Path file : files) {
                String name = folder.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                if (name.equalsIgnoreCase(JarFile.MANIFEST_NAME)) {
                    continue;
                }
                out.putNextEntry(new ZipEntry(name));
                OutputStream entry = out;
                Files.copy(file, entry);
                out.closeEntry();
            }
        }
    }
}
