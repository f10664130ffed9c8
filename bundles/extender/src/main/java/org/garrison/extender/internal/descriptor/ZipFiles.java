package org.garrison.extender.internal.descriptor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The files of a plugin JAR that is not installed yet.
 */
public final class ZipFiles implements PluginFiles {

    private final ZipFile zip;

    public ZipFiles(ZipFile zip) {
        this.zip = zip;
    }

    @Override
    public Optional<byte[]> read(String path) {
        ZipEntry entry = zip.getEntry(path);
        if (entry == null || entry.isDirectory()) {
            return Optional.empty();
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return Optional.of(BoundedRead.readAll(in, path));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path + " of the uploaded JAR", e);
        }
    }

    @Override
    public boolean exists(String path) {
        ZipEntry entry = zip.getEntry(path);
        return entry != null && !entry.isDirectory();
    }
}
