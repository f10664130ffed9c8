package org.garrison.agent.sync;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.garrison.agent.files.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instructions the agent has acted on, so that it acts on each once although the server delivers it with every
 * sync until the result is stored. A line {@code <id> <when>} is appended (and forced) per instruction; the file is
 * rewritten without entries older than {@link #KEEP} when it is opened.
 */
public final class InstructionJournal {

    /** How long an entry is kept: far longer than a result can wait in the outbox for the server. */
    static final Duration KEEP = Duration.ofDays(60);

    private static final Logger LOG = LoggerFactory.getLogger(InstructionJournal.class);

    private final Path file;
    private final Clock clock;
    private final boolean fsync;
    private final Map<UUID, Instant> done = new LinkedHashMap<>();

    private InstructionJournal(Path file, Clock clock, boolean fsync) {
        this.file = file;
        this.clock = clock;
        this.fsync = fsync;
    }

    /** Reads the journal at {@code file} (none yet is fine), dropping entries older than {@link #KEEP}. */
    public static InstructionJournal open(Path file, Clock clock, boolean fsync) throws IOException {
        InstructionJournal journal = new InstructionJournal(file, clock, fsync);
        journal.load();
        return journal;
    }

    /** Whether the agent has acted on the instruction. */
    public synchronized boolean done(UUID instructionId) {
        return done.containsKey(instructionId);
    }

    /** Records that the agent has acted on the instruction; durable when it returns. */
    public synchronized void markDone(UUID instructionId) throws IOException {
        if (done.containsKey(instructionId)) {
            return;
        }
        Instant now = clock.instant();
        byte[] line = (instructionId + " " + now + "\n").getBytes(StandardCharsets.US_ASCII);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            if (fsync) {
                channel.force(false);
            }
        }
        done.put(instructionId, now);
    }

    private void load() throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        Instant oldest = clock.instant().minus(KEEP);
        String content = Files.readString(file, StandardCharsets.US_ASCII);
        List<String> lines = content.lines().toList();
        // a last line without its newline was cut short: rewrite, or the next entry would be glued to it
        int dropped = content.isEmpty() || content.endsWith("\n") ? 0 : 1;
        for (String line : lines) {
            String[] parts = line.strip().split(" ");
            try {
                Instant at = Instant.parse(parts[1]);
                if (at.isAfter(oldest)) {
                    done.put(UUID.fromString(parts[0]), at);
                } else {
                    dropped++;
                }
            } catch (RuntimeException e) {
                // a line cut short by a crash: the instruction it named had not been marked done
                dropped++;
            }
        }
        if (dropped > 0) {
            StringBuilder kept = new StringBuilder();
            done.forEach((id, at) -> kept.append(id).append(' ').append(at).append('\n'));
            AtomicFiles.write(file, kept.toString().getBytes(StandardCharsets.US_ASCII));
            LOG.debug("Instruction journal {}: dropped {} old or torn entries", file, dropped);
        }
    }
}
