package org.garrison.extender.internal.jar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.garrison.extender.internal.descriptor.PluginDescriptor;

/**
 * An uploaded plugin JAR that passed every check, in a temporary file that {@link #close()} deletes.
 *
 * @param file         the JAR
 * @param fileName     the name it was uploaded under
 * @param symbolicName its bundle symbolic name
 * @param descriptor   its descriptor
 */
public record CheckedJar(Path file, String fileName, String symbolicName, PluginDescriptor descriptor)
        implements AutoCloseable {

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the uploaded plugin JAR " + file, e);
        }
    }
}
