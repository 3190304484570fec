package io.wfdr.snapshot.replication;

import io.wfdr.snapshot.libvirt.WorkFolders;

import io.wfdr.snapshot.qemu.QemuImg;

import java.time.Duration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.wfdr.spine.transfer.VerifiedCopier;
import org.junit.jupiter.api.BeforeEach;

/**
 * A DR datastore mounted here as a folder, written by the spine's verified copier; its storage can fail the way a
 * mount does, between the write and the read-back.
 */
class FolderReplicaStoreTest extends ReplicaStoreContract {

    /** A mount that goes away once enough bytes were written, or changes a byte after accepting it. */
    private static final class FaultyMount extends VerifiedCopier {
        private volatile long goneAfter = -1;
        private volatile boolean corrupt;
        private volatile Runnable meanwhile;

        @Override
        protected void beforeReadBack(Path partial, long position, int length) throws IOException {
            if (goneAfter >= 0 && position + length >= goneAfter) {
                goneAfter = -1;
                throw new IOException("the DR datastore's mount went away");
            }
            Runnable other = meanwhile;
            if (other != null) {
                meanwhile = null;
                other.run();
            }
            if (corrupt) {
                corrupt = false;
                flipByte(partial, position);
            }
        }
    }

    private final FaultyMount mount = new FaultyMount();
    private FolderReplicaStore store;

    @BeforeEach
    void aMountedDrDatastore() {
        store = new FolderReplicaStore(drFolder, mount, new QemuImg("qemu-img", Duration.ofSeconds(60)),
                new WorkFolders("", drFolder));
    }

    @Override
    ReplicaStore store() {
        return store;
    }

    @Override
    void interruptNextShipmentAfter(long bytes) {
        mount.goneAfter = bytes;
    }

    @Override
    void anotherWriterTakesTheNameDuringTheNextShipment(Path replica, byte[] bytes) {
        mount.meanwhile = () -> write(replica, bytes);
    }

    @Override
    void corruptNextShipmentAtTheDrEnd() {
        mount.corrupt = true;
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
