package org.garrison.plugins.devicecontrol.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The plugin's files as the build put them together ({@code target/classes}: GARRISON-INF/ with the filtered
 * descriptor, the bnd-made manifest), read from the test's class path, as the extender reads them from the bundle.
 */
final class PluginFiles implements org.garrison.extender.internal.descriptor.PluginFiles {

    @Override
    public Optional<byte[]> read(String path) {
        try (InputStream in = PluginFiles.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String path) {
        return new String(new PluginFiles().read(path).orElseThrow(() -> new IllegalStateException(path
                + " is not on the class path")), StandardCharsets.UTF_8);
    }
}
