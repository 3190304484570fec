package io.wfdr.snapshot.replication;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;

import io.wfdr.spine.transfer.CopyVerificationFailed;
import io.wfdr.spine.transfer.Sha256;
import io.wfdr.spine.transfer.VerifiedCopier;

/**
 * One snapshot file shipped over one SSH connection: the prefix of an earlier attempt's partial file is kept if the
 * DR end hashes it to the source's first bytes; the rest is sent over SFTP and hashed while it goes; the DR end
 * flushes the partial file and hashes all of it from its storage; only when both hashes and sizes agree does a hard
 * link give it its final name.
 */
final class RemoteShipment {

    private static final int CHUNK = 1 << 20;

    private final DrHostSession dr;
    private final SshReplicaTarget target;

    RemoteShipment(DrHostSession dr, SshReplicaTarget target) {
        this.dr = dr;
        this.target = target;
    }

    Shipment ship(Path source, String name) throws IOException {
        String replica = target.path(name);
        String partial = replica + VerifiedCopier.PARTIAL;
        long size = Files.size(source);
        dr.run(DrEndCommands.makeFolder(target.folder()));
        if (dr.size(replica).isPresent()) {
            return alreadyThere(source, name, size, partial);
        }
        MessageDigest sent = Sha256.digest();
        long kept = resumablePrefix(source, size, partial, sent);
        dr.cut(partial, kept);
        send(source, kept, partial, sent);
        String expected = Sha256.hex(sent.digest());
        dr.run(DrEndCommands.sync(partial));
        DrEndCommands.SizeAndHash stored = DrEndCommands.parseSizeAndSha256(
                dr.run(DrEndCommands.sizeAndSha256(partial)), partial);
        if (stored.bytes() != size || !stored.sha256().equals(expected)) {
            dr.cut(partial, 0);
            throw new CopyVerificationFailed("the DR end of " + target.display() + " stored " + stored.bytes()
                    + " bytes with SHA-256 " + stored.sha256() + " for " + name + " but " + size + " bytes with "
                    + expected + " were sent; the partial file was emptied");
        }
        publish(partial, replica);
        return new Shipment(name, size, size - kept, kept, expected);
    }

    /**
     * How many bytes of an earlier attempt's partial file the DR end holds as the source's first bytes: all it holds
     * (up to the source's size) if it hashes them to the same SHA-256, else none. The kept bytes go into the digest
     * of what was sent.
     */
    private long resumablePrefix(Path source, long size, String partial, MessageDigest sent) throws IOException {
        long length = Math.min(dr.size(partial).orElse(0L), size);
        if (length == 0) {
            return 0;
        }
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ)) {
            Sha256.feed(in, length, sent);
        }
        String ours = Sha256.hex(Sha256.copyOf(sent).digest());
        String theirs = DrEndCommands.parseSha256(dr.run(DrEndCommands.prefixSha256(partial, length)), partial);
        if (!ours.equals(theirs)) {
            sent.reset();
            return 0;
        }
        return length;
    }

    private void send(Path source, long from, String partial, MessageDigest sent) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
                OutputStream out = dr.writeFrom(partial, from)) {
            long position = from;
            for (int n = in.read(buffer.clear(), position); n > 0; n = in.read(buffer.clear(), position)) {
                sent.update(buffer.array(), 0, n);
                out.write(buffer.array(), 0, n);
                position += n;
            }
        }
    }

    private void publish(String partial, String replica) throws IOException {
        DrHostSession.Exit linked = dr.execute(DrEndCommands.publish(partial, replica, target.folder()));
        if (linked.status() == 0) {
            return;
        }
        if (dr.size(replica).isPresent()) {
            throw new FileAlreadyExistsException(replica, null, "another file took this name at the DR end while "
                    + "the replica was shipped; it is left as it is");
        }
        throw new IOException("the DR end of " + target.display() + " could not give " + partial
                + " its final name: " + linked.stderr().strip());
    }

    /** An earlier attempt published the replica: verified again at the DR end, not shipped again. */
    private Shipment alreadyThere(Path source, String name, long size, String partial) throws IOException {
        String expected = Sha256.of(source);
        String replica = target.path(name);
        DrEndCommands.SizeAndHash stored = DrEndCommands.parseSizeAndSha256(
                dr.run(DrEndCommands.sizeAndSha256(replica)), replica);
        if (stored.bytes() != size || !stored.sha256().equals(expected)) {
            throw new FileAlreadyExistsException(replica, null,
                    "a different file already has this name at the DR end; it is left as it is");
        }
        dr.run(DrEndCommands.remove(target.folder(), partial));
        return new Shipment(name, size, 0, size, expected);
    }
}
