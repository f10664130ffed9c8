package org.garrison.extender.internal.descriptor;

import java.util.Optional;

/**
 * The files of a plugin JAR, wherever it is: installed as a bundle or just uploaded.
 */
public interface PluginFiles {

    /** The content of the entry at the path (relative to the JAR's root), if there is one. */
    Optional<byte[]> read(String path);

    /** Whether there is an entry at the path. */
    default boolean exists(String path) {
        return read(path).isPresent();
    }
}
