package org.garrison.extender.internal.descriptor;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A plugin's files in memory, for tests. */
final class MemoryFiles implements PluginFiles {

    final Map<String, byte[]> files = new LinkedHashMap<>();

    MemoryFiles with(String path, String content) {
        files.put(path, content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    MemoryFiles without(String path) {
        files.remove(path);
        return this;
    }

    @Override
    public Optional<byte[]> read(String path) {
        return Optional.ofNullable(files.get(path));
    }
}
