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
        if (Files.exists(target)) {
            return alreadyThere(source, target, size);
        }
        try (FileChannel out = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE); FileLock lock = exclusive(out, partial)) {
            MessageDigest sent = sha256();
            long resumedFrom = resumablePrefix(source, out, sent);
            out.truncate(resumedFrom);
            try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ)) {
                in.position(resumedFrom);
                pipe(in, out, resumedFrom, sent);
            }
            out.force(true);
            String expected = hex(sent.digest());
            beforeReadBack(partial);
            ReadBack back = readBack(partial);
            if (!expected.equals(back.sha256()) || back.bytes() != size) {
                out.truncate(0);
                throw new CopyVerificationFailed("the copy of " + source + " at " + destinationDir + " reads back "
                        + back.bytes() + " bytes with SHA-256 " + back.sha256() + " but " + size + " bytes with "
                        + expected + " were sent; the copy was discarded");
            }
            publish(partial, target);
            return new CopyResult(source, target, size, expected, resumedFrom, back.direct());
        } finally {
            deleteIfEmptyOrDone(partial, target);
        }
    }

    /** Re-reads a copy from storage and checks it still has the SHA-256 recorded for it (a flipped byte shows). */
    public boolean verify(Path copy, String sha256) throws IOException {
        return Files.exists(copy) && readBack(copy).sha256().equals(sha256);
    }

    /** Removes what an abandoned copy left: its partial file, unless another copier holds it. */
    public void discardPartial(Path destinationDir, String fileName) throws IOException {
        Path partial = destinationDir.resolve(fileName + PARTIAL);
        if (!Files.exists(partial)) {
            return;
        }
        try (FileChannel out = FileChannel.open(partial, StandardOpenOption.WRITE); FileLock lock = exclusive(out, partial)) {
            Files.delete(partial);
        }
    }

    /** The point between flushing the partial file and reading it back: storage can lose or change bytes here. */
    protected void beforeReadBack(Path partial) throws IOException {
        // nothing: a real destination's faults happen on their own
    }

    private CopyResult alreadyThere(Path source, Path target, long size) throws IOException {
        String expected = hashOf(source);
        ReadBack back = readBack(target);
        if (back.bytes() == size && back.sha256().equals(expected)) {
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
        try {
            Files.createLink(target, partial);
            Files.delete(partial);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (UnsupportedOperationException | FileSystemException e) {
            if (Files.exists(target)) {
                throw new FileAlreadyExistsException(target.toString());
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        }
        Durable.syncDirectory(target.getParent());
    }

    private static void deleteIfEmptyOrDone(Path partial, Path target) {
        try {
            if (Files.exists(partial) && Files.size(partial) == 0 && Files.exists(target)) {
                Files.delete(partial);
            }
        } catch (IOException e) {
            // a leftover partial file is resumed or discarded later
        }
    }

    /**
     * How many bytes of an earlier attempt can be kept: the whole partial file if it matches the start of the
     * source, else none. The kept prefix goes into the digest of what was sent.
     */
    private long resumablePrefix(Path source, FileChannel partial, MessageDigest sent) throws IOException {
        long length = Math.min(partial.size(), Files.size(source));
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

    /** This thread reads the source and hashes it; another writes each chunk to the destination. */
    private void pipe(FileChannel in, FileChannel out, long start, MessageDigest sent) throws IOException {
        BlockingQueue<ByteBuffer> full = new ArrayBlockingQueue<>(IN_FLIGHT);
        BlockingQueue<ByteBuffer> empty = new ArrayBlockingQueue<>(IN_FLIGHT + 1);
        for (int i = 0; i < IN_FLIGHT + 1; i++) {
            empty.add(ByteBuffer.allocateDirect(CHUNK));
        }
        Future<?> writer = helpers.submit(() -> {
            long position = start;
            while (true) {
                ByteBuffer buffer = full.take();
                if (buffer == END) {
                    return null;
                }
                while (buffer.hasRemaining()) {
                    position += out.write(buffer, position);
                }
                empty.put(buffer.clear());
            }
        });
        try {
            while (!writer.isDone()) {
                ByteBuffer buffer = empty.poll(100, TimeUnit.MILLISECONDS);
                if (buffer == null) {
                    continue;
                }
                if (in.read(buffer) < 0) {
                    break;
                }
                buffer.flip();
                sent.update(buffer.duplicate());
                handOver(full, buffer, writer);
            }
            handOver(full, END, writer);
            writer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            writer.cancel(true);
            throw new IOException("the copy was interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException("writing the copy failed: " + e.getCause().getMessage(), e.getCause());
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
                int n = in.read(buffer, position);
                if (n <= 0) {
                    full.put(END);
                    return null;
                }
                position += n;
                full.put(buffer.flip());
                if (n < CHUNK) {
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
                    if (reader.isDone()) {
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

    /** Queues a buffer for the writer, unless the writer has stopped (its failure then surfaces from get()). */
    private static void handOver(BlockingQueue<ByteBuffer> full, ByteBuffer buffer, Future<?> writer)
            throws InterruptedException {
        while (!writer.isDone() && !full.offer(buffer, 100, TimeUnit.MILLISECONDS)) {
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
