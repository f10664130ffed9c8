package org.garrison.agent.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.garrison.agent.files.AtomicFiles;

import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code status.json} in the data folder: the running agent writes it, {@code garrison-agent status} reads it. */
public final class StatusFile {

    private final Path file;
    private final ObjectMapper json;

    public StatusFile(Path folder, ObjectMapper json) {
        this.file = folder.resolve(AgentStatus.STATUS_FILE);
        this.json = json;
    }

    public void write(AgentStatus status) throws IOException {
        AtomicFiles.write(file, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(status));
    }

    public Optional<AgentStatus> read() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(json.readValue(file.toFile(), AgentStatus.class));
    }
}
