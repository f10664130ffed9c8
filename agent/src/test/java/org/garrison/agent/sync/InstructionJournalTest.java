package org.garrison.agent.sync;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstructionJournalTest {

    @TempDir
    Path folder;

    @Test
    void anInstructionMarkedDoneStaysDoneAfterARestart() throws IOException {
        Path file = folder.resolve("instructions.done");
        UUID done = UUID.randomUUID();
        InstructionJournal journal = InstructionJournal.open(file, Clock.systemUTC(), true);
        journal.markDone(done);
        assertTrue(journal.done(done));

        InstructionJournal reopened = InstructionJournal.open(file, Clock.systemUTC(), true);
        assertTrue(reopened.done(done));
        assertFalse(reopened.done(UUID.randomUUID()));
    }

    @Test
    void aLineCutShortByACrashIsForgottenAndTheNextEntryStaysReadable() throws IOException {
        Path file = folder.resolve("instructions.done");
        UUID first = UUID.randomUUID();
        InstructionJournal.open(file, Clock.systemUTC(), true).markDone(first);
        UUID torn = UUID.randomUUID();
        Files.writeString(file, torn + " 2026-11-26T16:0", StandardCharsets.US_ASCII, StandardOpenOption.APPEND);

        InstructionJournal reopened = InstructionJournal.open(file, Clock.systemUTC(), true);
        assertTrue(reopened.done(first));
        assertFalse(reopened.done(torn));
        UUID next = UUID.randomUUID();
        reopened.markDone(next);
        assertTrue(InstructionJournal.open(file, Clock.systemUTC(), true).done(next));
    }

    @Test
    void entriesOlderThanTheKeepingTimeAreDropped() throws IOException {
        Path file = folder.resolve("instructions.done");
        Instant then = Instant.parse("2026-01-01T00:00:00Z");
        UUID old = UUID.randomUUID();
        InstructionJournal.open(file, Clock.fixed(then, ZoneOffset.UTC), true).markDone(old);
        Clock later = Clock.fixed(then.plus(InstructionJournal.KEEP).plus(Duration.ofDays(1)), ZoneOffset.UTC);
        assertFalse(InstructionJournal.open(file, later, true).done(old));
    }
}
