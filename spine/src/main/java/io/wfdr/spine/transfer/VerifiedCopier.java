package io.wfdr.spine.transfer;

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
 * Copies a file (a backup, a snapshot) to a destination directory (a mounted share or any path) and proves the copy
 * by reading it back from the destination's storage. Shared by the services that ship files off their host.
 * <p>
 * The copy is written as {@code <name>.partial}, held under an exclusive lock for as long as one copier works on
 * it (a second copier, in this process or another, is refused rather than allowed to write over it). The source is
 * hashed while it is written; then the partial file is flushed to disk and read back with direct I/O, past the page
 * cache, and hashed again. Only when both SHA-256 agree is it given its final name — by a hard link, which never
 * replaces an existing file — and the directory flushed, so a file under its final name is always complete and
 * good. An interrupted copy resumes from the bytes of its partial file that match the source.
 */
@jakarta.enterprise.context.ApplicationScoped
public class VerifiedCopier {

    /** What a copy is called until it is verified: {@code <name>.partial}. */
    public static final String PARTIAL = ".partial";
    static final int CHUNK = 1 << 20;
    static final int IN_FLIGHT = 8;
    static final ByteBuffer END = ByteBuffer.allocate(0);

    private final ExecutorService helpers = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "verified-copy-io");
        thread.setDaemon(true);
        return thread;
    });

    public CopyResult copy(Path source, Path destinationDir) throws IOException {
        return copy(source, destinationDir, source.getFileName().toString());
    }

    /** Copies {@code source} to {@code destinationDir} under another file name. */
    public CopyResult copy(Path source, Path destinationDir, String name) throws IOException {
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.contains("/") || name.contains("\0")) {
            throw new IllegalArgumentException("a copy's name is a file name, not a path: " + name);
        }
        Files.createDirectories(destinationDir);
        Path target = destinationDir.resolve(name);
        Path partial = destinationDir.resolve(name + PARTIAL);
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
        MessageDigest sent = Sha256.digest();
        long resumedFrom = resumablePrefix(source, out, sent);
        out.truncate(resumedFrom);
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
                PartialFile storage = PartialFile.open(partial, out)) {
            MessageDigest received = Sha256.digest();
            storage.hashPrefix(resumedFrom, received);
            in.position(resumedFrom);
            long written = pipe(in, storage, partial, resumedFrom, sent, received);
            storage.finish(written);
            String expected = Sha256.hex(sent.digest());
            String found = Sha256.hex(received.digest());
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

    /** The SHA-256 of a file as its storage holds it (read past the page cache where the file system allows it). */
    public String sha256OnStorage(Path file) throws IOException {
        return ReadBack.of(file, helpers).sha256();
    }

    /** Re-reads a copy from storage and checks it still has the SHA-256 recorded for it (a flipped byte shows). */
    public boolean verify(Path copy, String sha256) throws IOException {
        return Files.exists(copy) && ReadBack.of(copy, helpers).sha256().equals(sha256);
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
        String expected = Sha256.of(source);
        ReadBack back = ReadBack.of(target, helpers);
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
        MessageDigest kept = Sha256.digest();
        Sha256.feed(partial, length, kept);
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ)) {
            Sha256.feed(in, length, sent);
        }
        if (!MessageDigest.isEqual(kept.digest(), Sha256.copyOf(sent).digest())) {
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
    private long pipe(FileChannel in, PartialFile storage, Path partial, long start, MessageDigest sent,
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

    /** Queues a buffer for the writer, unless the writer has stopped (its failure then surfaces from get()). */
    private static void handOver(BlockingQueue<ByteBuffer> full, ByteBuffer buffer, List<Future<?>> stages)
            throws InterruptedException {
        while (!anyDone(stages) && !full.offer(buffer, 100, TimeUnit.MILLISECONDS)) {
            // the writer is behind; wait for room
        }
    }

}
