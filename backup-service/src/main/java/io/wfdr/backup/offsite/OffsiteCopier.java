package io.wfdr.backup.offsite;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.wfdr.spine.contract.Durable;

/**
 * Copies a backup file to a destination directory (a mounted share or any path) and proves the copy by reading it
 * back from the destination's storage.
 * <p>
 * The copy is written as {@code <name>.partial}, held under an exclusive lock for as long as one copier works on
 * it (a second copier, in this process or another, is refused rather than allowed to write over it). The source is
 * hashed while it is written; then the partial file is flushed to disk and read back with direct I/O, past the page
 * cache, and hashed again. Only when both SHA-256 agree is it given its final name — by a hard link, which never
 * replaces an existing file — and the directory flushed, so a file under its final name is always complete and
 * good. An interrupted copy resumes from the bytes of its partial file that match the source.
 */
@jakarta.enterprise.context.ApplicationScoped
public class OffsiteCopier {

    static final String PARTIAL = ".partial";
    private static final int CHUNK = 1 << 20;
    private static final int IN_FLIGHT = 8;
    private static final ByteBuffer END = ByteBuffer.allocate(0);

    private final ExecutorService helpers = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "offsite-copy-io");
        thread.setDaemon(true);
        return thread;
    });

    public CopyResult copy(Path source, Path destinationDir) throws IOException {
        Files.createDirectories(destinationDir);
        Path target = destinationDir.resolve(source.getFileName());
        Path partial = destinationDir.resolve(source.getFileName() + PARTIAL);
        long size = Files.size(source);
        try (InProcess guard = InProcess.hold(partial)) {
            if (Files.exists(target)) {
                return alreadyThere(source, target, size, partial);
            }
            try (FileChannel out = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE); FileLock lock = exclusive(out, partial)) {
                if (Files.exists(target)) {
                    return alreadyThere(source, target, size, partial);
                }
                return copyHeld(source, target, partial, out, size);
            }
        }
    }

    private CopyResult copyHeld(Path source, Path target, Path partial, FileChannel out, long size)
            throws IOException {
        MessageDigest sent = sha256();
        long resumedFrom = resumablePrefix(source, out, sent);
        out.truncate(resumedFrom);
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
                Storage storage = Storage.open(partial, out)) {
            MessageDigest received = sha256();
            storage.hashPrefix(resumedFrom, received);
            in.position(resumedFrom);
            long written = pipe(in, storage, partial, resumedFrom, sent, received);
            storage.finish(written);
            String expected = hex(sent.digest());
            String found = hex(received.digest());
            if (!expected.equals(found) || written != size) {
                out.truncate(0);
                throw new CopyVerificationFailed("the copy of " + source + " at " + target.getParent()
                        + " reads back " + written + " bytes with SHA-256 " + found + " but " + size + " bytes with "
                        + expected + " were sent; the copy was discarded");
            }
            publish(partial, target);
            return new CopyResult(source, target, size, expected, resumedFrom, storage.direct());
        }
    }

    /** Re-reads a copy from storage and checks it still has the SHA-256 recorded for it (a flipped byte shows). */
    public boolean verify(Path copy, String sha256) throws IOException {
        return Files.exists(copy) && readBack(copy).sha256().equals(sha256);
    }

    /** Removes what an abandoned copy left: its partial file, unless another copier holds it. */
    public void discardPartial(Path destinationDir, String fileName) throws IOException {
        Path partial = destinationDir.resolve(fileName + PARTIAL);
        try (InProcess guard = InProcess.hold(partial)) {
            deleteHeldPartial(partial);
        }
    }

    private static void deleteHeldPartial(Path partial) throws IOException {
        if (!Files.exists(partial)) {
            return;
        }
        try (FileChannel out = FileChannel.open(partial, StandardOpenOption.WRITE);
                FileLock lock = exclusive(out, partial)) {
            Files.delete(partial);
        }
    }

    /**
     * Copiers of this process: the operating system's file lock belongs to the whole process, and closing any
     * handle on the file releases it, so a second copier here must not even open the partial file.
     */
    private static final class InProcess implements AutoCloseable {
        private static final java.util.Set<Path> HELD = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final Path key;

        private InProcess(Path key) {
            this.key = key;
        }

        static InProcess hold(Path partial) throws CopyInProgress {
            Path key = partial.toAbsolutePath().normalize();
            if (!HELD.add(key)) {
                throw new CopyInProgress(partial);
            }
            return new InProcess(key);
        }

        @Override
        public void close() {
            HELD.remove(key);
        }
    }

    /**
     * The point between writing a part of the partial file and reading it back from storage: storage can lose or
     * change bytes here.
     */
    protected void beforeReadBack(Path partial, long position, int length) throws IOException {
        // nothing: a real destination's faults happen on their own
    }

    /** An earlier attempt published the copy (and may have left its partial file): verified again, not redone. */
    private CopyResult alreadyThere(Path source, Path target, long size, Path partial) throws IOException {
        String expected = hashOf(source);
        ReadBack back = readBack(target);
        if (back.bytes() == size && back.sha256().equals(expected)) {
            deleteHeldPartial(partial);
            return new CopyResult(source, target, size, expected, size, back.direct());
        }
        throw new FileAlreadyExistsException(target.toString(), null,
                "a different file already has this name at the destination; it is left as it is");
    }

    private static FileLock exclusive(FileChannel channel, Path partial) throws IOException {
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
        } catch (java.nio.channels.OverlappingFileLockException e) {
            // held by another copier in this process
        }
        throw new CopyInProgress(partial);
    }

    /** Renames by linking: a link never replaces an existing file, so a copy can never overwrite another. */
    private static void publish(Path partial, Path target) throws IOException {
        boolean linked;
        try {
            Files.createLink(target, partial);
            linked = true;
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (UnsupportedOperationException | FileSystemException e) {
            linked = false;
        }
        if (linked) {
            try {
                Files.delete(partial);
            } catch (IOException e) {
                // the copy is published; the partial name is removed by the next attempt or discard
            }
        } else {
            if (Files.exists(target)) {
                throw new FileAlreadyExistsException(target.toString());
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        }
        Durable.syncDirectory(target.getParent());
    }

    /**
     * How many bytes of an earlier attempt can be kept: the whole partial file if it matches the start of the
     * source, else none. The kept prefix goes into the digest of what was sent.
     */
    private long resumablePrefix(Path source, FileChannel partial, MessageDigest sent) throws IOException {
        long length = Math.min(partial.size(), Files.size(source));
        length -= length % CHUNK;
        if (length == 0) {
            return 0;
        }
        MessageDigest kept = sha256();
        feed(partial, length, kept);
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ)) {
            feed(in, length, sent);
        }
        if (!MessageDigest.isEqual(kept.digest(), clone(sent).digest())) {
            sent.reset();
            return 0;
        }
        return length;
    }

    /**
     * Four stages at once: this thread reads the source and hashes it; a writer writes each chunk to the
     * destination (direct I/O: to the device, not the page cache); a reader reads each written chunk straight back
     * from storage; a hasher hashes what was read back. The two hashes run on two cores while the writes and reads
     * overlap them. Returns how many bytes were read back.
     */
    private long pipe(FileChannel in, Storage storage, Path partial, long start, MessageDigest sent,
            MessageDigest received) throws IOException {
        BlockingQueue<ByteBuffer> full = new ArrayBlockingQueue<>(IN_FLIGHT);
        BlockingQueue<ByteBuffer> empty = buffers(IN_FLIGHT + 1, storage.block());
        BlockingQueue<long[]> written = new ArrayBlockingQueue<>(IN_FLIGHT + 2);
        BlockingQueue<ByteBuffer> readBack = new ArrayBlockingQueue<>(IN_FLIGHT + 2);
        BlockingQueue<ByteBuffer> readBuffers = buffers(IN_FLIGHT + 1, storage.block());
        long[] total = {start};
        Future<?> hasher = helpers.submit(() -> {
            while (true) {
                ByteBuffer buffer = readBack.take();
                if (buffer == END) {
                    return null;
                }
                total[0] += buffer.remaining();
                received.update(buffer);
                readBuffers.put(buffer.clear().limit(CHUNK));
            }
        });
        Future<?> reader = helpers.submit(() -> {
            try {
                while (true) {
                    long[] chunk = written.take();
                    if (chunk.length == 0) {
                        return null;
                    }
                    beforeReadBack(partial, chunk[0], (int) chunk[1]);
                    readBack.put(storage.read(readBuffers.take(), chunk[0], (int) chunk[1]));
                }
            } finally {
                readBack.put(END);
            }
        });
        Future<?> writer = helpers.submit(() -> {
            long position = start;
            try {
                while (true) {
                    ByteBuffer buffer = full.take();
                    if (buffer == END) {
                        return null;
                    }
                    int length = buffer.remaining();
                    storage.write(buffer, position);
                    written.put(new long[] {position, length});
                    position += length;
                    empty.put(buffer.clear().limit(CHUNK));
                }
            } finally {
                written.put(new long[0]);
            }
        });
        List<Future<?>> stages = List.of(writer, reader, hasher);
        try {
            while (!anyDone(stages)) {
                ByteBuffer buffer = empty.poll(100, TimeUnit.MILLISECONDS);
                if (buffer == null) {
                    continue;
                }
                if (readFully(in, buffer) == 0) {
                    break;
                }
                buffer.flip();
                sent.update(buffer.duplicate());
                handOver(full, buffer, stages);
            }
            surfaceFailure(stages);
            handOver(full, END, stages);
            for (Future<?> stage : stages) {
                stage.get();
            }
            return total[0];
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("the copy was interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException("writing or reading back the copy failed: " + e.getCause().getMessage(),
                    e.getCause());
        } finally {
            stages.forEach(stage -> stage.cancel(true));
        }
    }

    private static boolean anyDone(List<Future<?>> stages) {
        return stages.stream().anyMatch(Future::isDone);
    }

    /** A stage that stopped before the end of the file stopped because it failed: its failure is thrown here. */
    private static void surfaceFailure(List<Future<?>> stages) throws ExecutionException, InterruptedException {
        for (Future<?> stage : stages) {
            if (stage.isDone()) {
                stage.get();
            }
        }
    }

    /** Fills the buffer from the source (a chunk boundary stays a multiple of the block size), 0 at its end. */
    private static int readFully(FileChannel in, ByteBuffer buffer) throws IOException {
        int read = 0;
        while (buffer.hasRemaining()) {
            int n = in.read(buffer);
            if (n < 0) {
                break;
            }
            read += n;
        }
        return read;
    }

    private static BlockingQueue<ByteBuffer> buffers(int count, int alignment) {
        BlockingQueue<ByteBuffer> buffers = new ArrayBlockingQueue<>(count);
        for (int i = 0; i < count; i++) {
            buffers.add(ByteBuffer.allocateDirect(CHUNK + alignment).alignedSlice(alignment).limit(CHUNK));
        }
        return buffers;
    }

    /**
     * The partial file as the copy writes it and reads it back: with direct I/O both ways where the file system
     * allows it (the bytes go to the device and are read from it, never from the page cache); where it does not (a
     * RAM file system, whose page cache is its storage), through the handle that holds the lock. A direct write of
     * the last, short chunk is padded to the block size; {@link #finish} cuts the file back to its length.
     */
    private static final class Storage implements AutoCloseable {
        private final FileChannel locked;
        private final FileChannel writes;
        private final FileChannel reads;
        private final int block;

        private Storage(FileChannel locked, FileChannel writes, FileChannel reads, int block) {
            this.locked = locked;
            this.writes = writes;
            this.reads = reads;
            this.block = block;
        }

        static Storage open(Path file, FileChannel locked) throws IOException {
            try {
                int block = (int) Files.getFileStore(file).getBlockSize();
                FileChannel writes = FileChannel.open(file, StandardOpenOption.WRITE,
                        com.sun.nio.file.ExtendedOpenOption.DIRECT);
                FileChannel reads = FileChannel.open(file, StandardOpenOption.READ,
                        com.sun.nio.file.ExtendedOpenOption.DIRECT);
                return new Storage(locked, writes, reads, block);
            } catch (FileSystemException | UnsupportedOperationException e) {
                return new Storage(locked, locked, locked, 1);
            }
        }

        boolean direct() {
            return block > 1;
        }

        int block() {
            return block;
        }

        void write(ByteBuffer buffer, long position) throws IOException {
            int length = buffer.remaining();
            int rounded = roundUp(length);
            if (rounded != length) {
                buffer.limit(rounded);
                for (int i = length; i < rounded; i++) {
                    buffer.put(i, (byte) 0);
                }
            }
            while (buffer.hasRemaining()) {
                writes.write(buffer, position + buffer.position());
            }
        }

        /** Reads {@code length} bytes at {@code position} (a chunk boundary) back into {@code buffer}, flipped. */
        ByteBuffer read(ByteBuffer buffer, long position, int length) throws IOException {
            buffer.clear().limit(roundUp(length));
            while (buffer.position() < length) {
                if (reads.read(buffer, position + buffer.position()) <= 0) {
                    throw new IOException("the destination holds fewer bytes than were written to it");
                }
            }
            buffer.flip();
            return buffer.limit(length);
        }

        /** The bytes an earlier attempt left, read back from storage into the digest of what was received. */
        void hashPrefix(long length, MessageDigest digest) throws IOException {
            ByteBuffer buffer = ByteBuffer.allocateDirect(CHUNK + block).alignedSlice(block).limit(CHUNK);
            for (long position = 0; position < length; position += CHUNK) {
                digest.update(read(buffer, position, (int) Math.min(CHUNK, length - position)));
            }
        }

        /** Cuts the padding of the last direct write, and flushes the file and its size to disk. */
        void finish(long size) throws IOException {
            locked.truncate(size);
            locked.force(true);
        }

        private int roundUp(int length) {
            return (int) (((length + block - 1L) / block) * block);
        }

        @Override
        public void close() throws IOException {
            if (direct()) {
                writes.close();
                reads.close();
            }
        }
    }

    record ReadBack(long bytes, String sha256, boolean direct) {
    }

    /**
     * Reads a file from storage and hashes it: with direct I/O (past the page cache) where the file system allows
     * it, one thread reading while this one hashes; a plain read where it does not (a RAM file system has no
     * other storage to read from).
     */
    ReadBack readBack(Path file) throws IOException {
        FileChannel channel;
        boolean direct = true;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ, com.sun.nio.file.ExtendedOpenOption.DIRECT);
        } catch (FileSystemException | UnsupportedOperationException e) {
            channel = FileChannel.open(file, StandardOpenOption.READ);
            direct = false;
        }
        try (FileChannel in = channel) {
            int block = direct ? (int) Files.getFileStore(file).getBlockSize() : 1;
            return hashAll(in, block, direct);
        }
    }

    private ReadBack hashAll(FileChannel in, int block, boolean direct) throws IOException {
        BlockingQueue<ByteBuffer> full = new ArrayBlockingQueue<>(IN_FLIGHT);
        BlockingQueue<ByteBuffer> empty = new ArrayBlockingQueue<>(IN_FLIGHT + 1);
        for (int i = 0; i < IN_FLIGHT + 1; i++) {
            empty.add(ByteBuffer.allocateDirect(CHUNK + block).alignedSlice(block).limit(CHUNK));
        }
        Future<?> reader = helpers.submit(() -> {
            long position = 0;
            while (true) {
                ByteBuffer buffer = empty.take().clear().limit(CHUNK);
                boolean end = fill(in, buffer, position, block);
                position += buffer.position();
                if (buffer.position() > 0) {
                    full.put(buffer.flip());
                }
                if (end) {
                    full.put(END);
                    return null;
                }
            }
        });
        MessageDigest digest = sha256();
        long bytes = 0;
        try {
            while (true) {
                ByteBuffer buffer = full.poll(100, TimeUnit.MILLISECONDS);
                if (buffer == null) {
                    if (reader.isDone() && full.isEmpty()) {
                        reader.get();
                        break;
                    }
                    continue;
                }
                if (buffer == END) {
                    break;
                }
                bytes += buffer.remaining();
                digest.update(buffer);
                empty.put(buffer);
            }
            reader.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reader.cancel(true);
            throw new IOException("reading the copy back was interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException("reading the copy back failed: " + e.getCause().getMessage(), e.getCause());
        }
        return new ReadBack(bytes, hex(digest.digest()), direct);
    }

    /**
     * Reads at {@code position} until the buffer is full or the file ends (true); a read that stops short of a
     * block boundary is the end of the file, since storage only shortens reads at block boundaries.
     */
    private static boolean fill(FileChannel in, ByteBuffer buffer, long position, int block) throws IOException {
        while (buffer.hasRemaining()) {
            int n = in.read(buffer, position + buffer.position());
            if (n <= 0 || buffer.position() % block != 0) {
                return true;
            }
        }
        return false;
    }

    /** Queues a buffer for the writer, unless the writer has stopped (its failure then surfaces from get()). */
    private static void handOver(BlockingQueue<ByteBuffer> full, ByteBuffer buffer, List<Future<?>> stages)
            throws InterruptedException {
        while (!anyDone(stages) && !full.offer(buffer, 100, TimeUnit.MILLISECONDS)) {
            // the writer is behind; wait for room
        }
    }

    static String hashOf(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            feed(in, Long.MAX_VALUE, digest);
        }
        return hex(digest.digest());
    }

    private static void feed(FileChannel in, long limit, MessageDigest digest) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(CHUNK);
        long position = 0;
        while (position < limit) {
            buffer.clear().limit((int) Math.min(CHUNK, limit - position));
            int n = in.read(buffer, position);
            if (n <= 0) {
                return;
            }
            position += n;
            digest.update(buffer.flip());
        }
    }

    private static MessageDigest clone(MessageDigest digest) {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
