package org.garrison.agent.outbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.garrison.api.agent.SyncItemKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T16:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    private Outbox open() throws IOException {
        return Outbox.open(folder, OutboxOptions.durable(OutboxOptions.DEFAULT_MAX_BYTES), CLOCK);
    }

    private static byte[] json(String text) {
        return ("{\"v\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void appendedItemsArePeekedInOrderUntilAcknowledged() throws IOException {
        try (Outbox outbox = open()) {
            long first = outbox.append(SyncItemKind.EVENTS, json("a"));
            long second = outbox.append(SyncItemKind.INVENTORY, json("b"));
            long third = outbox.append(SyncItemKind.INSTRUCTION_RESULT, json("c"));
            assertEquals(first + 1, second);
            assertEquals(second + 1, third);

            List<OutboxEntry> batch = outbox.peek(10, Long.MAX_VALUE);
            assertEquals(List.of(first, second, third), batch.stream().map(OutboxEntry::seq).toList());
            assertEquals(SyncItemKind.INVENTORY, batch.get(1).kind());
            assertArrayEquals(json("b"), batch.get(1).json());

            outbox.acknowledge(second);
            assertEquals(List.of(third), outbox.peek(10, Long.MAX_VALUE).stream().map(OutboxEntry::seq).toList());
            assertEquals(1, outbox.size());
        }
    }

    @Test
    void aNewOutboxNumbersFromTheClockSoAWipedAgentStaysAboveItsOldNumbers() throws IOException {
        try (Outbox outbox = open()) {
            assertEquals(CLOCK.millis() * 1000, outbox.append(SyncItemKind.EVENTS, json("a")));
        }
    }

    @Test
    void peekStopsAtTheItemAndByteLimitsButAlwaysReturnsOneItem() throws IOException {
        try (Outbox outbox = open()) {
            for (int i = 0; i < 5; i++) {
                outbox.append(SyncItemKind.EVENTS, json("item-" + i));
            }
            assertEquals(2, outbox.peek(2, Long.MAX_VALUE).size());
            int one = json("item-0").length;
            assertEquals(3, outbox.peek(10, 3L * one).size());
            assertEquals(1, outbox.peek(10, 1).size());
        }
    }

    @Test
    void itemsSurviveReopening() throws IOException {
        long seq;
        try (Outbox outbox = open()) {
            outbox.append(SyncItemKind.EVENTS, json("a"));
            seq = outbox.append(SyncItemKind.EVENTS, json("b"));
            outbox.acknowledge(seq - 1);
        }
        try (Outbox outbox = open()) {
            List<OutboxEntry> batch = outbox.peek(10, Long.MAX_VALUE);
            assertEquals(1, batch.size());
            assertEquals(seq, batch.get(0).seq());
            assertEquals(seq + 1, outbox.append(SyncItemKind.EVENTS, json("c")));
        }
    }

    @Test
    void aRecordCutShortByACrashIsDroppedAndTheOnesBeforeItAreKept() throws IOException {
        long second;
        try (Outbox outbox = open()) {
            outbox.append(SyncItemKind.EVENTS, json("first"));
            second = outbox.append(SyncItemKind.EVENTS, json("second"));
            outbox.append(SyncItemKind.EVENTS, json("third"));
        }
        Path segment = onlySegment();
        long size = Files.size(segment);
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            file.setLength(size - 5);
        }
        try (Outbox outbox = open()) {
            List<OutboxEntry> batch = outbox.peek(10, Long.MAX_VALUE);
            assertEquals(2, batch.size());
            assertEquals(second, batch.get(1).seq());
            assertArrayEquals(json("second"), batch.get(1).json());
            // the torn tail was cut off, so the next record follows the intact ones and is read back
            long next = outbox.append(SyncItemKind.EVENTS, json("fourth"));
            assertTrue(next > second);
        }
        try (Outbox outbox = open()) {
            assertEquals(3, outbox.size());
        }
    }

    @Test
    void aFlippedByteDropsItsRecordAndEverythingAfterItButNothingBefore() throws IOException {
        long first;
        try (Outbox outbox = open()) {
            first = outbox.append(SyncItemKind.EVENTS, json("first"));
            outbox.append(SyncItemKind.EVENTS, json("second"));
            outbox.append(SyncItemKind.EVENTS, json("third"));
        }
        Path segment = onlySegment();
        int recordSize = OutboxRecord.size(json("first"));
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            long position = recordSize + OutboxRecord.HEADER_BYTES + 12;
            file.seek(position);
            int value = file.read();
            file.seek(position);
            file.write(value ^ 0x20);
        }
        try (Outbox outbox = open()) {
            List<OutboxEntry> batch = outbox.peek(10, Long.MAX_VALUE);
            assertEquals(1, batch.size());
            assertEquals(first, batch.get(0).seq());
            assertArrayEquals(json("first"), batch.get(0).json());
        }
    }

    @Test
    void sequenceNumbersAreNeverReusedAfterEverythingIsAcknowledgedAndTheFilesAreGone() throws IOException {
        long last;
        try (Outbox outbox = open()) {
            outbox.append(SyncItemKind.EVENTS, json("a"));
            last = outbox.append(SyncItemKind.EVENTS, json("b"));
            outbox.acknowledge(last);
            assertEquals(0, outbox.size());
        }
        assertEquals(0, segments().size(), "acknowledged segments are deleted");
        try (Outbox outbox = open()) {
            assertEquals(last + 1, outbox.append(SyncItemKind.EVENTS, json("c")));
        }
    }

    @Test
    void aFullOutboxDropsItsOldestEventsKeepsResultsAndSaysSoOnce() throws IOException {
        OutboxOptions small = new OutboxOptions(64 * 1024, true, true);
        byte[] event = new byte[2000];
        Arrays.fill(event, (byte) 'x');
        event[0] = '"';
        event[event.length - 1] = '"';
        try (Outbox outbox = Outbox.open(folder, small, CLOCK)) {
            long result = outbox.append(SyncItemKind.INSTRUCTION_RESULT, json("result"));
            outbox.append(SyncItemKind.INVENTORY, json("inventory"));
            for (int i = 0; i < 100; i++) {
                outbox.append(SyncItemKind.EVENTS, event);
            }
            long onDisk = segments().stream().mapToLong(OutboxTest::size).sum();
            assertTrue(onDisk <= small.maxBytes(), "stays under its cap: " + onDisk);
            assertTrue(outbox.overflowing());
            OutboxOverflow overflow = outbox.takeOverflow().orElseThrow();
            assertTrue(overflow.droppedEvents() > 0);
            assertEquals(1, overflow.droppedInventories());
            List<OutboxEntry> left = outbox.peek(1000, Long.MAX_VALUE);
            List<OutboxEntry> results = left.stream().filter(e -> e.kind() == SyncItemKind.INSTRUCTION_RESULT)
                    .toList();
            assertEquals(1, results.size(), "the instruction result is kept");
            assertTrue(results.get(0).seq() > result, "and written again at the tail");
            assertArrayEquals(json("result"), results.get(0).json());
            assertFalse(left.stream().anyMatch(e -> e.kind() == SyncItemKind.INVENTORY));
        }
    }

    @Test
    void appendsFromManyThreadsGetDistinctIncreasingNumbers() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try (Outbox outbox = open()) {
            List<Future<Long>> futures = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int n = i;
                futures.add(threads.submit(() -> outbox.append(SyncItemKind.EVENTS, json("n" + n))));
            }
            Set<Long> seqs = new HashSet<>();
            for (Future<Long> future : futures) {
                seqs.add(future.get());
            }
            assertEquals(400, seqs.size());
            List<Long> peeked = outbox.peek(1000, Long.MAX_VALUE).stream().map(OutboxEntry::seq).toList();
            assertEquals(400, peeked.size());
            assertEquals(peeked.stream().sorted().toList(), peeked);
        } finally {
            threads.shutdownNow();
        }
        try (Outbox outbox = open()) {
            assertEquals(400, outbox.size());
        }
    }

    @Test
    void aSecondProcessCannotOpenTheSameOutbox() throws IOException {
        try (Outbox outbox = open()) {
            assertThrows(OutboxLockedException.class, this::open);
        }
    }

    @Test
    void anItemLargerThanABatchIsRefused() throws IOException {
        try (Outbox outbox = open()) {
            assertThrows(IllegalArgumentException.class,
                    () -> outbox.append(SyncItemKind.EVENTS, new byte[Outbox.MAX_ITEM_BYTES + 1]));
            assertEquals(0, outbox.size());
        }
    }

    @Test
    void theServerHavingStoredHigherNumbersRaisesTheNextOne() throws IOException {
        try (Outbox outbox = open()) {
            long seq = outbox.append(SyncItemKind.EVENTS, json("a"));
            outbox.raiseSequenceAbove(seq + 1000);
            assertEquals(seq + 1001, outbox.append(SyncItemKind.EVENTS, json("b")));
        }
    }

    private Path onlySegment() throws IOException {
        List<Path> segments = segments();
        assertEquals(1, segments.size());
        return segments.get(0);
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(path -> path.toString().endsWith(".seg")).sorted().toList();
        }
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
