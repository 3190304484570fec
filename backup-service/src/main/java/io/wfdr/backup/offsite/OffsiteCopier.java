package io.wfdr.backup.offsite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
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

/**
 * Copies a backup file to a destination directory (a mounted share or any path) in one streaming pass that
 * computes SHA-256 as it goes, and verifies the destination by reading its bytes back and hashing them.
 * <p>
 * The copy is written as {@code <name>.partial} and renamed only once verified, so a file under its final name is
 * always complete and good. An interrupted copy resumes: the bytes already in the {@code .partial} file are
 * checked against the source's first bytes (hashing both), and only the rest is sent. The source is read and
 * hashed on one thread while another writes each chunk, reads it back from the destination and hashes that, so
 * the write hides under the two hashes the verification needs anyway.
 */
public class OffsiteCopier {

    static final String PARTIAL = ".partial";
    private static final int CHUNK = 1 << 20;
    private static final int IN_FLIGHT = 8;
    private static final ByteBuffer END = ByteBuffer.allocate(0);
    /** Written bytes between background flushes: the disk works while the CPUs hash, and the last flush is short. */
    private static final long FLUSH_EVERY = 64L << 20;

    private final ExecutorService writers = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "offsite-copy-writer");
        thread.setDaemon(true);
        return thread;
    });

    public CopyResult copy(Path source, Path destinationDir) throws IOException {
        Files.createDirectories(destinationDir);
        Path target = destinationDir.resolve(source.getFileName());
        Path partial = destinationDir.resolve(source.getFileName() + PARTIAL);
        long size = Files.size(source);
        MessageDigest sent = sha256();
        MessageDigest received = sha256();
        long resumedFrom = resumablePrefix(source, partial, sent, received);
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
                FileChannel out = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE)) {
            out.truncate(resumedFrom);
            in.position(resumedFrom);
            pipe(in, out, resumedFrom, sent, received);
            out.force(false);
        }
        String expected = hex(sent.digest());
        String found = hex(received.digest());
        if (!expected.equals(found) || Files.size(partial) != size) {
            Files.deleteIfExists(partial);
            throw new CopyVerificationFailed("the copy of " + source + " at " + destinationDir + " has SHA-256 "
                    + found + " but " + expected + " was sent; the copy was discarded");
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return new CopyResult(source, target, size, expected, resumedFrom);
    }

    /** Re-reads a copy and checks it still has the SHA-256 recorded for it (a flipped byte shows here). */
    public boolean verify(Path copy, String sha256) throws IOException {
        return Files.exists(copy) && hashOf(copy).equals(sha256);
    }

    /**
     * How many bytes of an earlier attempt can be kept: the whole {@code .partial} if it matches the start of the
     * source, else none. The kept prefix goes into both digests, so the final hashes cover the whole file.
     */
    private long resumablePrefix(Path source, Path partial, MessageDigest sent, MessageDigest received)
            throws IOException {
        if (!Files.exists(partial)) {
            return 0;
        }
        long length = Math.min(Files.size(partial), Files.size(source));
        feed(partial, length, received);
        feed(source, length, sent);
        if (!MessageDigest.isEqual(clone(received).digest(), clone(sent).digest())) {
            sent.reset();
            received.reset();
            return 0;
        }
        return length;
    }

    private static MessageDigest clone(MessageDigest digest) {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * This thread reads the source and hashes it; the writer thread writes each chunk, reads it back from the
     * destination and hashes what it read. Both hashes run at once, on two cores.
     */
    private void pipe(FileChannel in, FileChannel out, long start, MessageDigest sent, MessageDigest received)
            throws IOException {
        BlockingQueue<ByteBuffer> full = new ArrayBlockingQueue<>(IN_FLIGHT);
        BlockingQueue<ByteBuffer> empty = new ArrayBlockingQueue<>(IN_FLIGHT + 1);
        for (int i = 0; i < IN_FLIGHT + 1; i++) {
            empty.add(ByteBuffer.allocateDirect(CHUNK));
        }
        Flusher flusher = new Flusher(out);
        Future<?> writer = writers.submit(() -> {
            ByteBuffer readBack = ByteBuffer.allocateDirect(CHUNK);
            long position = start;
            long unflushed = 0;
            while (true) {
                ByteBuffer buffer = full.take();
                if (buffer == END) {
                    return null;
                }
                int length = buffer.remaining();
                while (buffer.hasRemaining()) {
                    out.write(buffer, position + buffer.position());
                }
                readBack.clear().limit(length);
                while (readBack.hasRemaining()) {
                    if (out.read(readBack, position + readBack.position()) < 0) {
                        throw new IOException("the destination is shorter than what was written to it");
                    }
                }
                received.update(readBack.flip());
                position += length;
                unflushed += length;
                if (unflushed >= FLUSH_EVERY && flusher.startIfIdle()) {
                    unflushed = 0;
                }
                buffer.clear();
                empty.put(buffer);
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
            flusher.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            writer.cancel(true);
            throw new IOException("the copy was interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException("writing the copy failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Flushes the destination to disk in the background, one flush at a time. */
    private final class Flusher {
        private final FileChannel out;
        private Future<?> running;

        Flusher(FileChannel out) {
            this.out = out;
        }

        boolean startIfIdle() {
            if (running != null && !running.isDone()) {
                return false;
            }
            running = writers.submit(() -> {
                out.force(false);
                return null;
            });
            return true;
        }

        void await() throws InterruptedException, ExecutionException {
            if (running != null) {
                running.get();
            }
        }
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
        feed(file, Long.MAX_VALUE, digest);
        return hex(digest.digest());
    }

    private static void feed(Path file, long limit, MessageDigest digest) throws IOException {
        byte[] buffer = new byte[CHUNK];
        long left = limit;
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
                digest.update(buffer, 0, n);
                left -= n;
            }
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
