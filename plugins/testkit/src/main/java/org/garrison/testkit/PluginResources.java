package org.garrison.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Your plugin's files as your build put them together, read from the test's class path: {@code GARRISON-INF/} with
 * the (filtered) descriptor and schemas, when {@code src/main/garrison} is a Maven resource with target path
 * {@code GARRISON-INF} (as in the template), so that unit tests read exactly what the server will read.
 */
public final class PluginResources {

    private final ClassLoader loader;

    private PluginResources(ClassLoader loader) {
        this.loader = loader;
    }

    /** The files on the class path of the test calling this (its thread's context class loader). */
    public static PluginResources onClassPath() {
        return new PluginResources(Thread.currentThread().getContextClassLoader());
    }

    /** The files a class loader sees. */
    public static PluginResources of(ClassLoader loader) {
        return new PluginResources(loader);
    }

    /** A file's bytes, empty when it is not there. */
    public Optional<byte[]> read(String path) {
        try (InputStream in = loader.getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path + " from the class path", e);
        }
    }

    /**
     * A file as UTF-8 text.
     *
     * @throws IllegalStateException if it is not on the class path
     */
    public String text(String path) {
        return new String(read(path).orElseThrow(() -> new IllegalStateException(path + " is not on the class path "
                + "(is src/main/garrison a resource folder with target path GARRISON-INF?)")), StandardCharsets.UTF_8);
    }
}
