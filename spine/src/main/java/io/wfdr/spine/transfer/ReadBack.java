package io.wfdr.spine.transfer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.wfdr.spine.transfer.VerifiedCopier.CHUNK;
import static io.wfdr.spine.transfer.VerifiedCopier.END;
import static io.wfdr.spine.transfer.VerifiedCopier.IN_FLIGHT;

/** A file read back from storage and hashed: how many bytes it holds, their SHA-256, and whether direct I/O read it. */
record ReadBack(long bytes, String sha256, boolean direct) {

    /**
     * Reads a file from storage and hashes it: with direct I/O (past the page cache) where the file system allows
     * it, one thread reading while this one hashes; a plain read where it does not (a RAM file system has no
     * other storage to read from).
     */
    static ReadBack of(Path file, ExecutorService helpers) throws IOException {
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
            return hashAll(in, block, direct, helpers);
        }
    }

    private static ReadBack hashAll(FileChannel in, int block, boolean direct, ExecutorService helpers) throws IOException {
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
        MessageDigest digest = Sha256.digest();
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
        return new ReadBack(bytes, Sha256.hex(digest.digest()), direct);
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

}
