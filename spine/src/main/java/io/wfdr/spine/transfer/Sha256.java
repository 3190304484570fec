package io.wfdr.spine.transfer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of files and of their first bytes, as lower-case hex. */
public final class Sha256 {

    private Sha256() {
    }

    public static String of(Path file) throws IOException {
        MessageDigest digest = digest();
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            feed(in, Long.MAX_VALUE, digest);
        }
        return hex(digest.digest());
    }

    public static void feed(FileChannel in, long limit, MessageDigest digest) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(VerifiedCopier.CHUNK);
        long position = 0;
        while (position < limit) {
            buffer.clear().limit((int) Math.min(VerifiedCopier.CHUNK, limit - position));
            int n = in.read(buffer, position);
            if (n <= 0) {
                return;
            }
            position += n;
            digest.update(buffer.flip());
        }
    }

    public static MessageDigest copyOf(MessageDigest digest) {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    public static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
