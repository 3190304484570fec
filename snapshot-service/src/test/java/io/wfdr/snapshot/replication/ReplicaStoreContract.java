package io.wfdr.snapshot.replication;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import io.wfdr.snapshot.domain.SnapshotKind;
import io.wfdr.snapshot.domain.SnapshotManifest;
import io.wfdr.snapshot.qemu.ImageExtent;
import io.wfdr.snapshot.qemu.QemuImg;
import io.wfdr.snapshot.service.ReplicaCheck;
import io.wfdr.spine.contract.FileHash;
import io.wfdr.spine.transfer.CopyVerificationFailed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every way of reaching the DR VM host's datastore must do, on real files: ship a snapshot file verified at the
 * DR end, resume an interrupted shipment from the partial file's matching prefix, never publish what the DR end
 * stored differently, never replace another file, and keep manifests the DR host can rebuild from alone. The DR
 * datastore of these tests is a folder on this machine ({@link #drFolder}), whatever the transport.
 */
abstract class ReplicaStoreContract {

    static final Instant TAKEN = Instant.parse("2026-11-25T03:00:00Z");

    @TempDir
    Path sourceFolder;

    @TempDir
    Path drFolder;

    /** The store under test, writing to {@link #drFolder}. */
    abstract ReplicaStore store();

    /** Makes the next shipment fail once the DR end has stored at least {@code bytes} bytes of it. */
    abstract void interruptNextShipmentAfter(long bytes) throws Exception;

    /** Makes the DR end's storage change a byte of the next shipment after accepting it. */
    abstract void corruptNextShipmentAtTheDrEnd();

    /** Makes another writer put {@code bytes} under {@code replica}'s name while the next shipment is under way. */
    abstract void anotherWriterTakesTheNameDuringTheNextShipment(Path replica, byte[] bytes);

    /** Called after a shipment that was interrupted, once the DR end can have stopped writing. */
    void awaitInterruptionSettled() {
    }

    @Test
    void aShippedSnapshotAndItsManifestAreAllTheDrEndNeeds() throws Exception {
        Path full = sourceFile("web01-full.qcow2", 5 * 1024 * 1024 + 123);
        Path incremental = sourceFile("web01-incr-1.qcow2", 700 * 1024 + 5);

        Shipment shippedFull = store().ship(full, "web01-full.qcow2");
        Shipment shippedIncremental = store().ship(incremental, "web01-incr-1.qcow2");
        SnapshotManifest fullManifest = manifest("full", SnapshotKind.FULL, null, shippedFull, List.of());
        SnapshotManifest incrementalManifest = manifest("incr-1", SnapshotKind.INCREMENTAL, "full",
                shippedIncremental, List.of(new ImageExtent(1 << 20, 65536, false), new ImageExtent(8 << 20, 4096,
                        true)));
        store().writeManifest(fullManifest);
        store().writeManifest(incrementalManifest);

        assertEquals(new Shipment("web01-full.qcow2", Files.size(full), Files.size(full), 0, FileHash.sha256(full)),
                shippedFull);
        assertArrayEquals(Files.readAllBytes(full), Files.readAllBytes(drFolder.resolve("web01-full.qcow2")));
        assertArrayEquals(Files.readAllBytes(incremental), Files.readAllBytes(drFolder.resolve("web01-incr-1.qcow2")));
        assertEquals(incrementalManifest, store().manifest("incr-1").orElseThrow());
        assertEquals(List.of(fullManifest, incrementalManifest), store().manifests());
        assertTrue(store().manifest("incr-2").isEmpty());
        assertEquals(drFolder.resolve("web01-incr-1.qcow2").toString(), store().pathOnHost("web01-incr-1.qcow2"));
        try (var left = Files.list(drFolder)) {
            assertEquals(List.of("full.manifest.json", "incr-1.manifest.json", "web01-full.qcow2",
                    "web01-incr-1.qcow2"), left.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no partial or temporary file is left");
        }
    }

    @Test
    void interruptedReplicationResumesFromTheMatchingPartial() throws Exception {
        Path full = sourceFile("iproc01-full.qcow2", 9 * 1024 * 1024 + 77);
        interruptNextShipmentAfter(3 * 1024 * 1024);

        assertThrows(IOException.class, () -> store().ship(full, "iproc01-full.qcow2"));
        awaitInterruptionSettled();
        assertFalse(Files.exists(drFolder.resolve("iproc01-full.qcow2")), "nothing incomplete has the final name");
        assertTrue(Files.size(drFolder.resolve("iproc01-full.qcow2.partial")) >= 3 * 1024 * 1024);

        Shipment resumed = store().ship(full, "iproc01-full.qcow2");

        assertTrue(resumed.resumedFrom() > 0, resumed.toString());
        assertTrue(resumed.shippedBytes() < resumed.bytes(), resumed.toString());
        assertEquals(resumed.bytes(), resumed.resumedFrom() + resumed.shippedBytes(), resumed.toString());
        assertEquals(FileHash.sha256(full), resumed.sha256());
        assertArrayEquals(Files.readAllBytes(full), Files.readAllBytes(drFolder.resolve("iproc01-full.qcow2")));
        assertFalse(Files.exists(drFolder.resolve("iproc01-full.qcow2.partial")));
    }

    @Test
    void aPartialWhosePrefixDiffersFromTheSourceIsShippedAgainFromTheStart() throws Exception {
        Path full = sourceFile("ts01-full.qcow2", 4 * 1024 * 1024 + 9);
        byte[] wrong = Arrays.copyOf(Files.readAllBytes(full), 2_500_000);
        wrong[1000] ^= 0x40;
        Files.write(drFolder.resolve("ts01-full.qcow2.partial"), wrong);

        Shipment shipped = store().ship(full, "ts01-full.qcow2");

        assertEquals(0, shipped.resumedFrom());
        assertEquals(shipped.bytes(), shipped.shippedBytes());
        assertArrayEquals(Files.readAllBytes(full), Files.readAllBytes(drFolder.resolve("ts01-full.qcow2")));
    }

    @Test
    void bytesTheDrEndStoredDifferentlyFromWhatWasSentAreNeverPublished() throws Exception {
        Path full = sourceFile("web02-full.qcow2", 3 * 1024 * 1024 + 11);
        corruptNextShipmentAtTheDrEnd();

        assertThrows(CopyVerificationFailed.class, () -> store().ship(full, "web02-full.qcow2"));

        assertFalse(Files.exists(drFolder.resolve("web02-full.qcow2")), "stays .partial until verified");
    }

    @Test
    void aReplicaWithAFlippedByteShowsInTheSha256TheDrEndComputes() throws Exception {
        Path full = sourceFile("web03-full.qcow2", 2 * 1024 * 1024 + 3);
        Shipment shipped = store().ship(full, "web03-full.qcow2");
        assertEquals(shipped.sha256(), store().sha256("web03-full.qcow2"));

        flipByte(drFolder.resolve("web03-full.qcow2"), 1_234_567);

        assertNotEquals(shipped.sha256(), store().sha256("web03-full.qcow2"));
        assertEquals(FileHash.sha256(drFolder.resolve("web03-full.qcow2")), store().sha256("web03-full.qcow2"));
    }

    @Test
    void aDifferentFileUnderTheFinalNameIsRefusedAndLeftAlone() throws Exception {
        Path full = sourceFile("web04-full.qcow2", 512 * 1024);
        byte[] other = "another VM's disk".getBytes();
        Files.write(drFolder.resolve("web04-full.qcow2"), other);

        assertThrows(FileAlreadyExistsException.class, () -> store().ship(full, "web04-full.qcow2"));

        assertArrayEquals(other, Files.readAllBytes(drFolder.resolve("web04-full.qcow2")));
    }

    @Test
    void aFileThatTakesTheFinalNameWhileTheShipmentIsUnderWayIsNotReplaced() throws Exception {
        Path full = sourceFile("web10-full.qcow2", 2 * 1024 * 1024 + 1);
        byte[] other = "written by somebody else meanwhile".getBytes();
        anotherWriterTakesTheNameDuringTheNextShipment(drFolder.resolve("web10-full.qcow2"), other);

        assertThrows(FileAlreadyExistsException.class, () -> store().ship(full, "web10-full.qcow2"));

        assertArrayEquals(other, Files.readAllBytes(drFolder.resolve("web10-full.qcow2")));
    }

    @Test
    void shippingAgainWhatTheDrEndHoldsIntactSendsNothing() throws Exception {
        Path incremental = sourceFile("web05-incr-3.qcow2", 300 * 1024 + 1);
        store().ship(incremental, "web05-incr-3.qcow2");

        Shipment again = store().ship(incremental, "web05-incr-3.qcow2");

        assertEquals(0, again.shippedBytes());
        assertEquals(FileHash.sha256(incremental), again.sha256());
    }

    @Test
    void retentionDeletesTheReplicaAndWhatAnUnfinishedShipmentLeft() throws Exception {
        Path full = sourceFile("web06-full.qcow2", 100 * 1024);
        store().ship(full, "web06-full.qcow2");
        Files.write(drFolder.resolve("web06-incr-1.qcow2.partial"), new byte[4096]);

        store().delete("web06-full.qcow2");
        store().delete("web06-incr-1.qcow2");

        assertFalse(Files.exists(drFolder.resolve("web06-full.qcow2")));
        assertFalse(Files.exists(drFolder.resolve("web06-incr-1.qcow2.partial")));
    }

    @Test
    void aNameThatIsAPathOrOneTheDatastoreKeepsForItselfIsRefused() throws Exception {
        Path full = sourceFile("web07-full.qcow2", 1024);
        for (String name : List.of("../web07-full.qcow2", "sub/web07.qcow2", "-rf", "web07.qcow2.partial",
                "web07.manifest.json", "web 07.qcow2", "")) {
            assertThrows(IllegalArgumentException.class, () -> store().ship(full, name), name);
        }
        assertThrows(IllegalArgumentException.class, () -> store().manifest("../etc"));
    }

    @Test
    void aReplicatedChainIsUsableAtTheDrHostFromItsOwnFilesAlone() throws Exception {
        QemuImg qemu = new QemuImg("qemu-img", Duration.ofSeconds(60));
        assumeTrue(qemu.available(), "qemu-img is not installed here (apt-get install qemu-utils); skipped");
        Path full = sourceFolder.resolve("db01-full.qcow2");
        Path incremental = sourceFolder.resolve("db01-incr-1.qcow2");
        qemu.create(full, 16L << 20, 4096);
        qemu.overlay(incremental, full, 4096);
        List<ImageExtent> changed = qemu.changedExtents(incremental, false);

        store().writeManifest(manifest("db-full", SnapshotKind.FULL, null,
                store().ship(full, "db01-full.qcow2"), List.of()));
        store().writeManifest(manifest("db-incr-1", SnapshotKind.INCREMENTAL, "db-full",
                store().ship(incremental, "db01-incr-1.qcow2"), changed));

        assertEquals(List.of(), new ReplicaCheck().problems(store(), "db-incr-1"));
        flipByte(drFolder.resolve("db01-full.qcow2"), 1000);
        List<String> problems = new ReplicaCheck().problems(store(), "db-incr-1");
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("db01-full.qcow2 does not hash")), problems.toString());
    }

    @Test
    void theDrEndWritesADiskFromTheChainAndNeverReplacesAFileWithIt() throws Exception {
        QemuImg qemu = new QemuImg("qemu-img", Duration.ofSeconds(60));
        assumeTrue(qemu.available(), "qemu-img is not installed here (apt-get install qemu-utils); skipped");
        Path raw = sourceFile("data.raw", 2 * 1024 * 1024);
        Path full = sourceFolder.resolve("app01-full.qcow2");
        Path incremental = sourceFolder.resolve("app01-incr-1.qcow2");
        qemu.convert(raw.toString(), full);
        qemu.overlay(incremental, full, 4096);
        store().writeManifest(manifest("app-full", SnapshotKind.FULL, null,
                store().ship(full, "app01-full.qcow2"), List.of()));
        store().writeManifest(manifest("app-incr-1", SnapshotKind.INCREMENTAL, "app-full",
                store().ship(incremental, "app01-incr-1.qcow2"), List.of()));
        String disk = drFolder.resolve("disks").resolve("app01.qcow2").toString();
        assertFalse(store().exists(disk));

        store().writeDisk("app01-incr-1.qcow2", disk);

        assertTrue(store().exists(disk));
        assertTrue(qemu.sameContent(Path.of(disk), incremental, false), "the disk shows what the chain shows");
        assertEquals(null, qemu.info(Path.of(disk), false).backingFile(), "a disk of its own, no backing file");
        assertFalse(Files.exists(Path.of(disk + ".partial")));
        byte[] before = Files.readAllBytes(Path.of(disk));
        assertThrows(FileAlreadyExistsException.class, () -> store().writeDisk("app01-full.qcow2", disk));
        assertArrayEquals(before, Files.readAllBytes(Path.of(disk)), "the disk already there is left alone");

        store().setAside(disk, "app01.qcow2.before-failback-1");

        assertFalse(store().exists(disk));
        assertArrayEquals(before, Files.readAllBytes(drFolder.resolve("disks").resolve("app01.qcow2.before-failback-1")));
        assertThrows(IllegalArgumentException.class, () -> store().setAside(disk, "../elsewhere"));
    }

    @Test
    void theDrEndSaysWhatItStoresAndRetentionRemovesAManifest() throws Exception {
        Path full = sourceFile("web11-full.qcow2", 300 * 1024 + 7);
        Shipment shipped = store().ship(full, "web11-full.qcow2");
        store().writeManifest(manifest("web11-full", SnapshotKind.FULL, null, shipped, List.of()));

        assertEquals(new StoredReplica(Files.size(full), FileHash.sha256(full)),
                store().stored("web11-full.qcow2").orElseThrow());
        assertTrue(store().stored("web11-incr-1.qcow2").isEmpty());

        store().delete("web11-full.qcow2");
        store().deleteManifest("web11-full");

        assertTrue(store().manifest("web11-full").isEmpty());
        assertEquals(List.of(), store().manifests());
    }

    SnapshotManifest manifest(String id, SnapshotKind kind, String parent, Shipment shipped,
            List<ImageExtent> changed) {
        return new SnapshotManifest(id, "web01", kind, parent, shipped.name(), shipped.bytes(), shipped.sha256(),
                16L << 20, changed, TAKEN, null, null);
    }

    Path sourceFile(String name, int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return Files.write(sourceFolder.resolve(name), bytes);
    }

    static void flipByte(Path file, long position) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(position);
            int b = raf.read();
            raf.seek(position);
            raf.write(b ^ 0x01);
        }
    }
}
