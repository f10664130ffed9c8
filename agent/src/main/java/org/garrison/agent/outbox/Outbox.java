package org.garrison.agent.outbox;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

import org.garrison.agent.files.AtomicFiles;
import org.garrison.api.agent.SyncItemKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's durable outbox: everything the agent wants to tell the server is appended here first, with a
 * sequence number, and stays until the server acknowledges it.
 *
 * <p>Items live in append-only segment files ({@link OutboxRecord}); {@code outbox.state} holds the highest
 * acknowledged sequence number and the next one to give out (written atomically), so sequence numbers are never
 * reused, even after every segment has been deleted. An append returns once its item is forced to disk; appends that
 * arrive while another one is being written are written and forced together (group commit). On opening, a torn or
 * corrupt tail (a crash in the middle of a write) is found by its CRC and cut off; what was before it is intact.
 *
 * <p>Segment files are opened for each write and read, not held open, so thousands of simulated agents do not hold
 * thousands of file descriptors.
 */
public final class Outbox implements AutoCloseable {

    /** The largest item: a sync request carries at most 4 MiB of items, so every item fits in one. */
    public static final int MAX_ITEM_BYTES = 4 * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final String STATE_FILE = "outbox.state";
    private static final String LOCK_FILE = "outbox.lock";
    private static final String SEGMENT_SUFFIX = ".seg";

    private final Path folder;
    private final OutboxOptions options;
    private final long segmentBytes;
    private final FileChannel lockChannel;
    private final FileLock folderLock;
    private final ReentrantLock lock = new ReentrantLock();
    private final ConcurrentLinkedQueue<PendingAppend> queued = new ConcurrentLinkedQueue<>();
    /** Segments by their first sequence number. */
    private final TreeMap<Long, Segment> segments = new TreeMap<>();
    /** The items not acknowledged yet, oldest first. */
    private final Deque<Located> pending = new ArrayDeque<>();

    private long acknowledged;
    private long nextSeq;
    private long pendingBytes;
    private boolean overflowing;
    private long droppedEvents;
    private long droppedInventories;
    private boolean closed;

    private Outbox(Path folder, OutboxOptions options, FileChannel lockChannel, FileLock folderLock) {
        this.folder = folder;
        this.options = options;
        this.segmentBytes = Math.max(16 * 1024, Math.min(8L * 1024 * 1024, options.maxBytes() / 16));
        this.lockChannel = lockChannel;
        this.folderLock = folderLock;
    }

    /**
     * Opens (or creates) the outbox in {@code folder}, recovering from an interrupted write.
     *
     * @param clock gives a brand-new outbox its first sequence number (see {@link #firstSequenceNumber})
     * @throws OutboxLockedException if another process (a second agent) has it open
     */
    public static Outbox open(Path folder, OutboxOptions options, Clock clock) throws IOException {
        AtomicFiles.createPrivateFolder(folder);
        FileChannel lockChannel = null;
        FileLock folderLock = null;
        if (options.lockFolder()) {
            lockChannel = FileChannel.open(folder.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            try {
                folderLock = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                folderLock = null;
            }
            if (folderLock == null) {
                lockChannel.close();
                throw new OutboxLockedException(folder);
            }
        }
        Outbox outbox = new Outbox(folder, options, lockChannel, folderLock);
        try {
            outbox.recover(clock);
        } catch (IOException | RuntimeException e) {
            outbox.close();
            throw e;
        }
        return outbox;
    }

    /**
     * Queues one item.
     *
     * @param json the JSON of the member the kind names
     * @return its sequence number
     * @throws IllegalArgumentException if the item is larger than {@link #MAX_ITEM_BYTES}
     * @throws IOException if it could not be written; it is then not queued
     */
    public long append(SyncItemKind kind, byte[] json) throws IOException {
        if (json.length > MAX_ITEM_BYTES) {
            throw new IllegalArgumentException("An outbox item holds at most " + MAX_ITEM_BYTES + " bytes, not "
                    + json.length);
        }
        PendingAppend append = new PendingAppend(kind, json);
        queued.add(append);
        lock.lock();
        try {
            ensureOpen();
            // whoever holds the lock writes everything queued so far, with one force for all of it
            if (!append.done) {
                writeQueued();
            }
        } finally {
            lock.unlock();
        }
        if (append.failure != null) {
            throw new IOException("The outbox could not store an item: " + append.failure.getMessage(),
                    append.failure);
        }
        return append.seq;
    }

    /**
     * The oldest items not acknowledged yet, in sequence order: at most {@code maxItems} and, except for the first
     * one, at most {@code maxBytes} of JSON together.
     */
    public List<OutboxEntry> peek(int maxItems, long maxBytes) throws IOException {
        lock.lock();
        try {
            ensureOpen();
            List<OutboxEntry> batch = new ArrayList<>();
            long bytes = 0;
            Map<Path, FileChannel> open = new TreeMap<>();
            try {
                for (Located item : pending) {
                    int jsonLength = item.length - OutboxRecord.HEADER_BYTES - OutboxRecord.BODY_PREFIX_BYTES;
                    if (batch.size() >= maxItems || (!batch.isEmpty() && bytes + jsonLength > maxBytes)) {
                        break;
                    }
                    FileChannel channel = open.get(item.segment);
                    if (channel == null) {
                        channel = FileChannel.open(item.segment, StandardOpenOption.READ);
                        open.put(item.segment, channel);
                    }
                    batch.add(new OutboxEntry(item.seq, item.kind, OutboxRecord.json(readBody(channel, item))));
                    bytes += jsonLength;
                }
            } finally {
                for (FileChannel channel : open.values()) {
                    channel.close();
                }
            }
            return batch;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Drops every item up to {@code seq}: the server has stored them. Segments holding only acknowledged items are
     * deleted.
     */
    public void acknowledge(long seq) throws IOException {
        lock.lock();
        try {
            ensureOpen();
            if (seq <= acknowledged) {
                return;
            }
            acknowledged = Math.min(seq, nextSeq - 1);
            while (!pending.isEmpty() && pending.peekFirst().seq <= acknowledged) {
                pendingBytes -= pending.removeFirst().length;
            }
            saveState();
            deleteAcknowledgedSegments();
            if (overflowing && bytesOnDisk() < options.maxBytes() / 2) {
                overflowing = false;
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Makes sure the next sequence number is above {@code seq}: the server has stored items up to it from an earlier
     * life of this agent (its data folder was wiped), so lower numbers would be skipped as already stored.
     */
    public void raiseSequenceAbove(long seq) throws IOException {
        lock.lock();
        try {
            ensureOpen();
            if (nextSeq <= seq) {
                LOG.warn("The server has stored items up to {} from this agent, above the outbox's own {}: "
                        + "numbering continues after it", seq, nextSeq - 1);
                nextSeq = seq + 1;
                saveState();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The number of items waiting. */
    public int size() {
        lock.lock();
        try {
            return pending.size();
        } finally {
            lock.unlock();
        }
    }

    /** The bytes of the items waiting, as stored. */
    public long pendingBytes() {
        lock.lock();
        try {
            return pendingBytes;
        } finally {
            lock.unlock();
        }
    }

    /** The highest sequence number acknowledged (or dropped to make room). */
    public long acknowledged() {
        lock.lock();
        try {
            return acknowledged;
        } finally {
            lock.unlock();
        }
    }

    /** The highest sequence number given out so far (0 if none). */
    public long lastSeq() {
        lock.lock();
        try {
            return nextSeq - 1;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether the outbox is full: it has dropped items to make room and has not emptied to half its cap since.
     */
    public boolean overflowing() {
        lock.lock();
        try {
            return overflowing;
        } finally {
            lock.unlock();
        }
    }

    /** What was dropped to make room since the previous call, if anything. */
    public Optional<OutboxOverflow> takeOverflow() {
        lock.lock();
        try {
            if (droppedEvents == 0 && droppedInventories == 0) {
                return Optional.empty();
            }
            OutboxOverflow overflow = new OutboxOverflow(droppedEvents, droppedInventories);
            droppedEvents = 0;
            droppedInventories = 0;
            return Optional.of(overflow);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() throws IOException {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            if (lockChannel != null) {
                folderLock.release();
                lockChannel.close();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * The first sequence number of a brand-new outbox. It starts from the clock (milliseconds × 1,000) rather than
     * from 1: an agent whose data folder was wiped enrolls again as the same agent (same hardware id), and the server
     * skips every item whose number is not above the highest it stored before. Starting from the clock keeps new
     * numbers above old ones unless the old outbox gave out more than a thousand numbers per millisecond of its life.
     * The numbers stay below 2^53, so any JSON reader keeps them exact.
     */
    static long firstSequenceNumber(Clock clock) {
        return Math.max(1, clock.millis()) * 1000;
    }

    private void writeQueued() {
        List<PendingAppend> batch = new ArrayList<>();
        for (PendingAppend append = queued.poll(); append != null; append = queued.poll()) {
            batch.add(append);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            List<PendingAppend> toWrite = new ArrayList<>(batch);
            long batchBytes = 0;
            for (PendingAppend append : toWrite) {
                batchBytes += OutboxRecord.size(append.json);
            }
            toWrite.addAll(0, makeRoom(batchBytes));
            write(toWrite);
        } catch (IOException | RuntimeException e) {
            for (PendingAppend append : batch) {
                append.failure = e;
            }
        } finally {
            for (PendingAppend append : batch) {
                append.done = true;
            }
        }
    }

    /**
     * Drops the oldest segments until {@code incoming} bytes fit under the cap. Events and inventory reports in them
     * are dropped (the next inventory report is then a full one); application data and instruction results are kept
     * and returned, to be written again at the tail.
     */
    private List<PendingAppend> makeRoom(long incoming) throws IOException {
        List<PendingAppend> kept = new ArrayList<>();
        while (bytesOnDisk() + incoming > options.maxBytes() && segments.size() > 0) {
            Map.Entry<Long, Segment> oldest = segments.firstEntry();
            Segment segment = oldest.getValue();
            try (FileChannel channel = FileChannel.open(segment.path, StandardOpenOption.READ)) {
                Iterator<Located> items = pending.iterator();
                while (items.hasNext()) {
                    Located item = items.next();
                    if (!item.segment.equals(segment.path)) {
                        break;
                    }
                    switch (item.kind) {
                        case EVENTS -> droppedEvents++;
                        case INVENTORY -> droppedInventories++;
                        default -> kept.add(new PendingAppend(item.kind, OutboxRecord.json(readBody(channel, item))));
                    }
                    pendingBytes -= item.length;
                    items.remove();
                }
            }
            acknowledged = Math.max(acknowledged, segment.lastSeq);
            saveState();
            segments.remove(oldest.getKey());
            Files.deleteIfExists(segment.path);
            if (!overflowing) {
                overflowing = true;
                LOG.warn("The outbox is full ({} bytes): dropping its oldest events to make room",
                        options.maxBytes());
            }
        }
        return kept;
    }

    private void write(List<PendingAppend> batch) throws IOException {
        Segment segment = activeSegment();
        int total = 0;
        for (PendingAppend append : batch) {
            total += OutboxRecord.size(append.json);
        }
        ByteBuffer buffer = ByteBuffer.allocate(total);
        List<Located> written = new ArrayList<>(batch.size());
        long seq = nextSeq;
        long offset = segment.size;
        for (PendingAppend append : batch) {
            int size = OutboxRecord.size(append.json);
            OutboxRecord.encode(buffer, seq, append.kind, append.json);
            written.add(new Located(seq, append.kind, segment.path, offset, size));
            offset += size;
            seq++;
        }
        buffer.flip();
        try (FileChannel channel = FileChannel.open(segment.path, StandardOpenOption.WRITE)) {
            channel.position(segment.size);
            try {
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                if (options.fsync()) {
                    channel.force(false);
                }
            } catch (IOException e) {
                // leave no half-written batch behind for the next append to follow
                channel.truncate(segment.size);
                throw e;
            }
        }
        segment.size += total;
        segment.lastSeq = seq - 1;
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).seq = written.get(i).seq;
            pending.addLast(written.get(i));
            pendingBytes += written.get(i).length;
        }
        nextSeq = seq;
    }

    private Segment activeSegment() throws IOException {
        Map.Entry<Long, Segment> last = segments.lastEntry();
        if (last != null && last.getValue().size < segmentBytes) {
            return last.getValue();
        }
        Path path = folder.resolve(String.format("%020d%s", nextSeq, SEGMENT_SUFFIX));
        Files.deleteIfExists(path);
        Files.createFile(path);
        if (options.fsync()) {
            AtomicFiles.forceFolder(folder);
        }
        Segment segment = new Segment(path, 0, nextSeq - 1);
        segments.put(nextSeq, segment);
        return segment;
    }

    private void deleteAcknowledgedSegments() throws IOException {
        while (!segments.isEmpty() && segments.firstEntry().getValue().lastSeq <= acknowledged) {
            Segment segment = segments.pollFirstEntry().getValue();
            Files.deleteIfExists(segment.path);
        }
    }

    private long bytesOnDisk() {
        long bytes = 0;
        for (Segment segment : segments.values()) {
            bytes += segment.size;
        }
        return bytes;
    }

    private static byte[] readBody(FileChannel channel, Located item) throws IOException {
        ByteBuffer body = ByteBuffer.allocate(item.length - OutboxRecord.HEADER_BYTES);
        long position = item.offset + OutboxRecord.HEADER_BYTES;
        while (body.hasRemaining()) {
            int read = channel.read(body, position);
            if (read < 0) {
                throw new IOException("Outbox segment " + item.segment + " ends inside item " + item.seq);
            }
            position += read;
        }
        return body.array();
    }

    private void recover(Clock clock) throws IOException {
        Properties state = loadState();
        acknowledged = number(state, "acknowledged");
        long persistedNext = number(state, "next");
        long highest = 0;
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(path -> path.getFileName().toString().endsWith(SEGMENT_SUFFIX)).sorted().toList();
        }
        for (Path file : files) {
            Segment segment = scan(file, highest);
            if (segment.size == 0) {
                Files.delete(file);
                continue;
            }
            highest = segment.lastSeq;
            segments.put(Long.parseLong(file.getFileName().toString().replace(SEGMENT_SUFFIX, "")), segment);
        }
        nextSeq = Math.max(Math.max(persistedNext, highest + 1), acknowledged + 1);
        if (persistedNext == 0 && highest == 0 && acknowledged == 0) {
            nextSeq = firstSequenceNumber(clock);
            saveState();
        }
        deleteAcknowledgedSegments();
    }

    /** Reads a segment's records, indexing those not acknowledged, and cuts off a torn or corrupt tail. */
    private Segment scan(Path file, long previousSeq) throws IOException {
        Segment segment = new Segment(file, 0, previousSeq);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long length = channel.size();
            long position = 0;
            ByteBuffer header = ByteBuffer.allocate(OutboxRecord.HEADER_BYTES);
            while (position < length) {
                header.clear();
                if (channel.read(header, position) < OutboxRecord.HEADER_BYTES) {
                    break;
                }
                int bodyLength = header.getInt(0);
                int crc = header.getInt(4);
                if (bodyLength < OutboxRecord.BODY_PREFIX_BYTES
                        || bodyLength > MAX_ITEM_BYTES + OutboxRecord.BODY_PREFIX_BYTES
                        || position + OutboxRecord.HEADER_BYTES + bodyLength > length) {
                    break;
                }
                ByteBuffer body = ByteBuffer.allocate(bodyLength);
                channel.read(body, position + OutboxRecord.HEADER_BYTES);
                byte[] bytes = body.array();
                SyncItemKind kind = OutboxRecord.kind(bytes);
                long seq = OutboxRecord.seq(bytes);
                if (!OutboxRecord.intact(bytes, crc) || kind == null || seq <= segment.lastSeq) {
                    break;
                }
                int recordLength = OutboxRecord.HEADER_BYTES + bodyLength;
                if (seq > acknowledged) {
                    pending.addLast(new Located(seq, kind, file, position, recordLength));
                    pendingBytes += recordLength;
                }
                segment.lastSeq = seq;
                position += recordLength;
            }
            if (position < length) {
                LOG.warn("Outbox segment {} has a torn or corrupt tail after {} intact bytes: cutting off {} bytes "
                        + "(a write interrupted by a crash; nothing acknowledged was in it)", file.getFileName(),
                        position, length - position);
                channel.truncate(position);
                channel.force(true);
            }
            segment.size = position;
        }
        return segment;
    }

    /** A number of the state file; a damaged one counts as 0 (items are then sent again, and skipped by the server). */
    private long number(Properties state, String key) {
        try {
            return Long.parseLong(state.getProperty(key, "0").strip());
        } catch (NumberFormatException e) {
            LOG.warn("The outbox state in {} is damaged ({}): starting from its segments", folder, key);
            return 0;
        }
    }

    private Properties loadState() throws IOException {
        Properties state = new Properties();
        Path file = folder.resolve(STATE_FILE);
        if (Files.exists(file)) {
            try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                state.load(reader);
            }
        }
        return state;
    }

    private void saveState() throws IOException {
        String content = "acknowledged=" + acknowledged + "\nnext=" + nextSeq + "\n";
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        if (options.fsync()) {
            AtomicFiles.write(folder.resolve(STATE_FILE), bytes);
        } else {
            Files.write(folder.resolve(STATE_FILE), bytes);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("The outbox in " + folder + " is closed");
        }
    }

    private static final class PendingAppend {
        final SyncItemKind kind;
        final byte[] json;
        long seq;
        volatile boolean done;
        volatile Exception failure;

        PendingAppend(SyncItemKind kind, byte[] json) {
            this.kind = kind;
            this.json = json;
        }
    }

    private static final class Segment {
        final Path path;
        long size;
        long lastSeq;

        Segment(Path path, long size, long lastSeq) {
            this.path = path;
            this.size = size;
            this.lastSeq = lastSeq;
        }
    }

    private record Located(long seq, SyncItemKind kind, Path segment, long offset, int length) {
    }
}
