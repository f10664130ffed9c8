package org.garrison.extender.internal.descriptor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Optional;

import org.osgi.framework.Bundle;

/**
 * The files of an installed plugin bundle, read with {@link Bundle#getEntry(String)}: straight from its JAR,
 * whether or not the bundle is resolved or started.
 */
public final class BundleFiles implements PluginFiles {

    private final Bundle bundle;

    public BundleFiles(Bundle bundle) {
        this.bundle = bundle;
    }

    @Override
    public Optional<byte[]> read(String path) {
        URL entry = bundle.getEntry(path);
        if (entry == null) {
            return Optional.empty();
        }
        try (InputStream in = entry.openStream()) {
            return Optional.of(BoundedRead.readAll(in, path));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path + " of bundle " + bundle.getBundleId(), e);
        }
    }

    @Override
    public boolean exists(String path) {
        return bundle.getEntry(path) != null;
    }
}
