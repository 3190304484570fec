package io.wfdr.spine.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real files: copies are byte for byte, a flipped byte is caught, an interrupted copy resumes. */
class VerifiedCopierTest {

    @TempDir
    Path dir;

    private final VerifiedCopier copier = new VerifiedCopier();

    @Test
    void theCopyIsByteForByteAndItsSha256IsTheSources() throws IOException {
        Path source = backupFile("TFLOWF_FULL.bak", 5 * 1024 * 1024 + 123);
        CopyResult result = copier.copy(source, dir.resolve("offsite"));
        assertArrayEquals(Files.readAllBytes(source), Files.readAllBytes(result.destination()));
        assertEquals(Sha256.of(source), result.sha256());
        assertEquals(0, result.resumedFrom());
        assertFalse(Files.exists(dir.resolve("offsite").resolve("TFLOWF_FULL.bak" + VerifiedCopier.PARTIAL)));
        assertTrue(copier.verify(result.destination(), result.sha256()));
    }

    @Test
    void aFlippedByteAtTheDestinationIsDetected() throws IOException {
        Path source = backupFile("TFLOWF_DIFF.bak", 3 * 1024 * 1024);
        CopyResult result = copier.copy(source, dir.resolve("offsite"));
        flipByte(result.destination(), 1_234_567);
        assertFalse(copier.verify(result.destination(), result.sha256()));
    }

    @Test
    void anInterruptedCopyResumesFromWhereItStopped() throws IOException {
        Path source = backupFile("TFLOWF_LOG.trn", 4 * 1024 * 1024 + 7);
        Path offsite = Files.createDirectories(dir.resolve("offsite"));
        byte[] all = Files.readAllBytes(source);
        Files.write(offsite.resolve("TFLOWF_LOG.trn" + VerifiedCopier.PARTIAL), Arrays.copyOf(all, 2_500_000));

        CopyResult result = copier.copy(source, offsite);

        assertEquals(2 * 1024 * 1024, result.resumedFrom(), "kept up to the last whole 1 MiB chunk of the 2,500,000 bytes");
        assertArrayEquals(all, Files.readAllBytes(result.destination()));
        assertEquals(Sha256.of(source), result.sha256());
    }

    @Test
    void aPartialCopyThatDoesNotMatchTheSourceIsStartedAfresh() throws IOException {
        Path source = backupFile("TRANSFLO_FULL.bak", 2 * 1024 * 1024);
        Path offsite = Files.createDirectories(dir.resolve("offsite"));
        byte[] wrong = Arrays.copyOf(Files.readAllBytes(source), 1_000_000);
        wrong[500] ^= 0x40;
        Files.write(offsite.resolve("TRANSFLO_FULL.bak" + VerifiedCopier.PARTIAL), wrong);

        CopyResult result = copier.copy(source, offsite);

        assertEquals(0, result.resumedFrom());
        assertArrayEquals(Files.readAllBytes(source), Files.readAllBytes(result.destination()));
    }

    @Test
    void aCopyTakesTheNameItIsGivenButNeverAPath() throws IOException {
        Path source = backupFile("web01-incr-7.qcow2.tmp", 1024 * 1024 + 3);
        Path dr = dir.resolve("dr");
        CopyResult result = copier.copy(source, dr, "web01-incr-7.qcow2");
        assertEquals(dr.resolve("web01-incr-7.qcow2"), result.destination());
        assertArrayEquals(Files.readAllBytes(source), Files.readAllBytes(result.destination()));
        for (String notAName : new String[] {"../web01.qcow2", "..", ".", "sub/web01.qcow2", ""}) {
            assertThrows(IllegalArgumentException.class, () -> copier.copy(source, dr, notAName), notAName);
        }
    }

    @Test
    void anEmptyBackupFileCopiesToo() throws IOException {
        Path source = Files.write(dir.resolve("empty.bak"), new byte[0]);
        CopyResult result = copier.copy(source, dir.resolve("offsite"));
        assertEquals(0, result.bytes());
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", result.sha256());
    }

    private Path backupFile(String name, int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return Files.write(dir.resolve(name), bytes);
    }

    private static void flipByte(Path file, long position) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(position);
            int b = raf.read();
            raf.seek(position);
            raf.write(b ^ 0x01);
        }
    }
}
