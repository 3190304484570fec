package io.wfdr.snapshot.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On real qcow2 images with this machine's qemu-img (Debian's qemu-utils; skipped, saying so, where it is missing).
 * Facts from ../shared/reference/libvirt-qemu.md: an overlay with 4 KiB clusters maps exactly the changed data;
 * backing files must be relative to travel.
 */
class QemuImgTest {

    private static final int KIB4 = 4096;
    private static final long DISK = 64L << 20;

    private final QemuImg qemu = new QemuImg("qemu-img", Duration.ofSeconds(60));

    @TempDir
    Path source;

    @TempDir
    Path dr;

    @BeforeEach
    void qemuImgIsHere() {
        assumeTrue(qemu.available(), "qemu-img is not installed here (apt-get install qemu-utils); image tests skipped");
    }

    @Test
    void anOverlayWithFourKibClustersHoldsExactlyTheChangedData() throws Exception {
        Path base = full("web01-full.qcow2", 0, 1 << 20, 0x11);
        Path incremental = source.resolve("web01-incr-1.qcow2");
        qemu.overlay(incremental, base, KIB4);
        for (int i = 0; i < 20; i++) {
            write(incremental, (long) i * 3 * (1 << 20) + 8192, KIB4, 0xab);
        }

        List<ImageExtent> changed = qemu.changedExtents(incremental, false);
        assertEquals(20L * KIB4, changed.stream().mapToLong(ImageExtent::length).sum(), changed.toString());
        assertEquals(DISK, qemu.info(incremental, false).virtualSize());
        assertEquals(KIB4, qemu.info(incremental, false).clusterSize());
    }

    @Test
    void aChainCopiedToTheDrHostResolvesThereAndHoldsTheSameBytes() throws Exception {
        Path base = full("iproc01-full.qcow2", 4096, 65536, 0x22);
        Path incremental = source.resolve("iproc01-incr-1.qcow2");
        qemu.overlay(incremental, base, KIB4);
        write(incremental, 1 << 20, 8192, 0x33);

        Files.copy(base, dr.resolve(base.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(incremental, dr.resolve(incremental.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);

        Path replica = dr.resolve(incremental.getFileName());
        assertEquals("iproc01-full.qcow2", qemu.info(replica, false).backingFile(), "named relative to the image");
        assertTrue(qemu.backingProblem(replica, dr).isEmpty());
        assertTrue(qemu.sameContent(incremental, replica, false), "byte-identical at the snapshot's point in time");
    }

    @Test
    void aBackingFileNamedByAnAbsolutePathIsRefusedForUseAwayFromItsHost() throws Exception {
        Path base = source.resolve("ts01-full.qcow2");
        qemu.create(base, DISK, KIB4);
        Path absolute = source.resolve("ts01-incr-1.qcow2");
        run("qemu-img", "create", "-q", "-f", "qcow2", "-b", base.toAbsolutePath().toString(), "-F", "qcow2",
                absolute.toString());
        Files.copy(absolute, dr.resolve(absolute.getFileName()));

        assertTrue(qemu.backingProblem(dr.resolve(absolute.getFileName()), dr).orElseThrow()
                .contains("absolute path"), "it would read the source host's disk, not the replica");
    }

    @Test
    void aRebaseOntoTheWrongParentShowsOtherBytes() throws Exception {
        Path base = full("a-full.qcow2", 0, 65536, 0x44);
        Path other = source.resolve("b-full.qcow2");
        qemu.create(other, DISK, KIB4);
        Path incremental = source.resolve("a-incr-1.qcow2");
        qemu.overlay(incremental, base, KIB4);
        write(incremental, 1 << 20, KIB4, 0x55);
        Path before = source.resolve("a-before.qcow2");
        Files.copy(incremental, before);

        qemu.rebase(incremental, other);

        assertEquals("b-full.qcow2", qemu.info(incremental, false).backingFile());
        assertFalse(qemu.sameContent(before, incremental, false), "the chain now reads another full's bytes");
    }

    /** A full image of the test disk's size with one written run. */
    private Path full(String name, long offset, int length, int pattern) throws IOException, InterruptedException {
        Path image = source.resolve(name);
        qemu.create(image, DISK, KIB4);
        write(image, offset, length, pattern);
        return image;
    }

    private static void write(Path image, long offset, int length, int pattern) throws IOException,
            InterruptedException {
        run("qemu-io", "-f", "qcow2", "-c", "write -q -P " + pattern + " " + offset + " " + length, image.toString());
    }

    private static void run(String... argv) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), String.join(" ", argv) + ": " + output);
    }
}
