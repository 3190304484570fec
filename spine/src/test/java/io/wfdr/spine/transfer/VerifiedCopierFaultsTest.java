package io.wfdr.spine.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a destination's storage can do wrong, on real files: lose a byte between the write and the read-back, be
 * written by a second copier at once, already hold another file under the name.
 */
class VerifiedCopierFaultsTest {

    @TempDir
    Path dir;

    /** A share that changes a byte after it accepted the write: what the read-back from storage must catch. */
    private static final class LosingStorage extends VerifiedCopier {
        @Override
        protected void beforeReadBack(Path partial, long position, int length) throws IOException {
            if (position > 1000 || position + length <= 1000) {
                return;
            }
            try (RandomAccessFile raf = new RandomAccessFile(partial.toFile(), "rw")) {
                raf.seek(1000);
                int b = raf.read();
                raf.seek(1000);
                raf.write(b ^ 0x10);
            }
        }
    }

    @Test
    void bytesThatReadBackDifferentFromWhatWasSentAreNeverPublishedUnderTheFinalName() throws IOException {
        Path source = backupFile("TFLOWF_FULL.bak", 3 * 1024 * 1024 + 11);
        Path offsite = dir.resolve("offsite");

        assertThrows(CopyVerificationFailed.class, () -> new LosingStorage().copy(source, offsite));

        assertFalse(Files.exists(offsite.resolve("TFLOWF_FULL.bak")), "stays .partial until verified");
    }

    @Test
    void theReadBackGoesToTheStoragePastThePageCache() throws IOException {
        Path source = backupFile("TFLOWF_LOG.trn", 2 * 1024 * 1024 + 5);
        CopyResult result = new VerifiedCopier().copy(source, dir.resolve("offsite"));
        assertTrue(result.readBackDirect(), "this file system allows direct I/O, and the read-back used it");
        assertArrayEquals(Files.readAllBytes(source), Files.readAllBytes(result.destination()));
    }

    @Test
    void aSecondCopierIsKeptAwayFromAPartialFileAnotherCopierHolds() throws IOException {
        Path source = backupFile("TFLOWF_DIFF.bak", 1024 * 1024);
        Path offsite = Files.createDirectories(dir.resolve("offsite"));
        Path partial = offsite.resolve("TFLOWF_DIFF.bak" + VerifiedCopier.PARTIAL);
        try (FileChannel held = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = held.lock()) {
            assertThrows(CopyInProgress.class, () -> new VerifiedCopier().copy(source, offsite));
        }
        assertFalse(Files.exists(offsite.resolve("TFLOWF_DIFF.bak")));
        new VerifiedCopier().copy(source, offsite);
        assertArrayEquals(Files.readAllBytes(source), Files.readAllBytes(offsite.resolve("TFLOWF_DIFF.bak")));
    }

    @Test
    void aCopyNeverOverwritesAnotherFileUnderItsName() throws IOException {
        Path source = backupFile("TRANSFLO_FULL.bak", 512 * 1024);
        Path offsite = Files.createDirectories(dir.resolve("offsite"));
        byte[] other = "somebody else's backup".getBytes();
        Files.write(offsite.resolve("TRANSFLO_FULL.bak"), other);

        assertThrows(FileAlreadyExistsException.class, () -> new VerifiedCopier().copy(source, offsite));

        assertArrayEquals(other, Files.readAllBytes(offsite.resolve("TRANSFLO_FULL.bak")));
    }

    @Test
    void copyingAgainWhatIsAlreadyThereIntactIsDoneAtOnce() throws IOException {
        Path source = backupFile("TFLOWF_FULL2.bak", 700 * 1024);
        Path offsite = dir.resolve("offsite");
        new VerifiedCopier().copy(source, offsite);
        CopyResult again = new VerifiedCopier().copy(source, offsite);
        assertArrayEquals(Files.readAllBytes(source), Files.readAllBytes(again.destination()));
    }

    @Test
    void anAbandonedCopyLeavesNoPartialFile() throws IOException {
        Path offsite = Files.createDirectories(dir.resolve("offsite"));
        Files.write(offsite.resolve("TFLOWF_X.bak" + VerifiedCopier.PARTIAL), new byte[4096]);
        new VerifiedCopier().discardPartial(offsite, "TFLOWF_X.bak");
        assertFalse(Files.exists(offsite.resolve("TFLOWF_X.bak" + VerifiedCopier.PARTIAL)));
    }

    @Test
    void aReadBackThatFailsMidwayEndsTheCopyWithTheErrorInsteadOfHanging() throws IOException {
        Path source = backupFile("TFLOWF_BIG.bak", 40 * 1024 * 1024);
        VerifiedCopier failing = new VerifiedCopier() {
            @Override
            protected void beforeReadBack(Path partial, long position, int length) throws IOException {
                if (position >= 3L * 1024 * 1024) {
                    throw new IOException("the share went away");
                }
            }
        };
        IOException failed = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                () -> assertThrows(IOException.class, () -> failing.copy(source, dir.resolve("offsite"))));
        assertTrue(failed.getMessage().contains("the share went away"), failed.getMessage());
        assertFalse(Files.exists(dir.resolve("offsite").resolve("TFLOWF_BIG.bak")));
    }

    private Path backupFile(String name, int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return Files.write(dir.resolve(name), bytes);
    }
}
