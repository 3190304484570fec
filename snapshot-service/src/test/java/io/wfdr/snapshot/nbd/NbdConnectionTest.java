package io.wfdr.snapshot.nbd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.wfdr.snapshot.qemu.ImageExtent;
import io.wfdr.snapshot.qemu.QemuImg;
import io.wfdr.snapshot.qemu.QemuNbd;

/** Against this machine's qemu-nbd (Debian's qemu-utils): the NBD protocol as QEMU speaks it. */
class NbdConnectionTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final QemuImg qemu = new QemuImg("qemu-img", TIMEOUT);

    @TempDir
    Path folder;

    @BeforeEach
    void qemuIsHere() {
        assumeTrue(qemu.available(), "qemu-img/qemu-nbd are not installed here (apt-get install qemu-utils); NBD tests skipped");
    }

    @Test
    void whatIsWrittenOverNbdLandsInTheQcow2AtItsOffset() throws Exception {
        Path image = folder.resolve("disk.qcow2");
        qemu.create(image, 16L << 20, 4096);
        byte[] block = new byte[8192];
        Arrays.fill(block, (byte) 0x5a);
        try (QemuNbd server = QemuNbd.serve("qemu-nbd", image, folder.resolve("w.sock"), TIMEOUT);
                NbdConnection connection = server.connect()) {
            assertEquals(16L << 20, connection.size());
            connection.write(1 << 20, block, block.length);
            connection.flush();
        }
        assertEquals(List.of(new ImageExtent(1 << 20, 8192, false)), qemu.changedExtents(image, false));
        try (QemuNbd server = QemuNbd.serve("qemu-nbd", image, folder.resolve("r.sock"), TIMEOUT);
                NbdConnection connection = server.connect(List.of(NbdConnection.ALLOCATION))) {
            byte[] back = new byte[12288];
            connection.read((1 << 20) - 4096, back, back.length);
            byte[] expected = new byte[12288];
            Arrays.fill(expected, 4096, 12288, (byte) 0x5a);
            assertArrayEquals(expected, back);
            List<ImageExtent> data = ChangedBlocks.marked(connection, NbdConnection.ALLOCATION,
                    ChangedBlocks.DATA);
            assertEquals(List.of(new ImageExtent(1 << 20, 8192, false)), data);
        }
    }

    @Test
    void aBlockStatusContextTheServerDoesNotHaveIsRefusedByName() throws Exception {
        Path image = folder.resolve("disk.qcow2");
        qemu.create(image, 1L << 20, 4096);
        try (QemuNbd server = QemuNbd.serve("qemu-nbd", image, folder.resolve("s.sock"), TIMEOUT)) {
            NbdFailure refused = assertThrows(NbdFailure.class,
                    () -> server.connect(List.of("qemu:dirty-bitmap:backup-vda")));
            assertEquals(true, refused.getMessage().contains("qemu:dirty-bitmap:backup-vda"), refused.getMessage());
            server.connect().close();
        }
    }
}
