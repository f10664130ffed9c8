package org.garrison.console.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The built console app inside this bundle. A file is read on its first request and then kept in memory: the files
 * cannot change while the bundle is installed (an update brings a new class loader and a new component), and only
 * files that exist are kept, so the memory used is bounded by the app's size.
 */
final class ConsoleFiles {

    private final ClassLoader loader;
    private final String folder;
    private final ConcurrentMap<String, ConsoleFile> loaded = new ConcurrentHashMap<>();

    ConsoleFiles(ClassLoader loader, String folder) {
        this.loader = loader;
        this.folder = folder;
    }

    /** The file at {@code name}, a path relative to the app's folder that {@link ConsolePath} has checked. */
    Optional<ConsoleFile> find(String name) {
        ConsoleFile file = loaded.get(name);
        if (file != null) {
            return Optional.of(file);
        }
        URL url = loader.getResource(folder + '/' + name);
        if (url == null) {
            return Optional.empty();
        }
        try (InputStream in = url.openStream()) {
            ConsoleFile read = ConsoleFile.of(name, in.readAllBytes());
            ConsoleFile previous = loaded.putIfAbsent(name, read);
            return Optional.of(previous != null ? previous : read);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read console file " + name, e);
        }
    }
}
