package io.wfdr.spine.transfer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;

import static io.wfdr.spine.transfer.VerifiedCopier.CHUNK;

/**
 * The partial file as the copy writes it and reads it back: with direct I/O both ways where the file system
 * allows it (the bytes go to the device and are read from it, never from the page cache); where it does not (a
 * RAM file system, whose page cache is its storage), through the handle that holds the lock. A direct write of
 * the last, short chunk is padded to the block size; {@link #finish} cuts the file back to its length.
 */
final class PartialFile implements AutoCloseable {
    private final FileChannel locked;
    private final FileChannel writes;
    private final FileChannel reads;
    private final int block;

    private PartialFile(FileChannel locked, FileChannel writes, FileChannel reads, int block) {
        this.locked = locked;
        this.writes = writes;
        this.reads = reads;
        this.block = block;
    }

    static PartialFile open(Path file, FileChannel locked) throws IOException {
        try {
            int block = (int) Files.getFileStore(file).getBlockSize();
            FileChannel writes = FileChannel.open(file, StandardOpenOption.WRITE,
                    com.sun.nio.file.ExtendedOpenOption.DIRECT);
            FileChannel reads = FileChannel.open(file, StandardOpenOption.READ,
                    com.sun.nio.file.ExtendedOpenOption.DIRECT);
            return new PartialFile(locked, writes, reads, block);
        } catch (FileSystemException | UnsupportedOperationException e) {
            return new PartialFile(locked, locked, locked, 1);
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
