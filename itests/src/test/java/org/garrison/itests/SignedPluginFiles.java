package org.garrison.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The signed plugin JARs {@link PluginSigner} made before the container started, read in the container. */
final class SignedPluginFiles {

    static final String FOLDER_PROPERTY = "garrison.itest.signed-plugins";
    static final String SIGNED_ID = "itest-signed";
    static final String SIGNED = "itest-signed.jar";
    static final String TAMPERED = "itest-tampered.jar";

    private SignedPluginFiles() {
    }

    static byte[] read(String name) {
        try {
            return Files.readAllBytes(Path.of(System.getProperty(FOLDER_PROPERTY), name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
