import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.wfdr.spine.transfer.CopyResult;
import io.wfdr.spine.transfer.VerifiedCopier;

/**
 * bench/offsite-copy: our verified copy of one file against the unavoidable work, measured in the same run:
 * hashing the file twice with the JDK's SHA-256 (source and destination bytes), and a plain cp.
 * Usage: java -cp backup-service/target/classes OffsiteCopyBench.java FILE WORKDIR ROUNDS
 */
public class OffsiteCopyBench {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Path work = Path.of(args[1]);
        int rounds = Integer.parseInt(args[2]);
        VerifiedCopier copier = new VerifiedCopier();
        List<Double> ours = new ArrayList<>();
        List<Double> hashes = new ArrayList<>();
        List<Double> cps = new ArrayList<>();
        hash(file);
        copier.copy(file, fresh(work.resolve("warm-up")));
        fresh(work.resolve("warm-up"));
        for (int round = 1; round <= rounds; round++) {
            long t0 = System.nanoTime();
            hash(file);
            hash(file);
            hashes.add(seconds(t0));

            Path cpTarget = fresh(work.resolve("cp"));
            t0 = System.nanoTime();
            Process cp = new ProcessBuilder("cp", file.toString(), cpTarget.resolve(file.getFileName()).toString())
                    .inheritIO().start();
            if (cp.waitFor() != 0) {
                throw new IllegalStateException("cp failed");
            }
            cps.add(seconds(t0));

            Path ourTarget = fresh(work.resolve("ours"));
            t0 = System.nanoTime();
            CopyResult result = copier.copy(file, ourTarget);
            ours.add(seconds(t0));
            System.err.printf("round %d: ours %.2f s (sha256 %s...), two hashes %.2f s, cp %.2f s%n", round,
                    ours.get(round - 1), result.sha256().substring(0, 12), hashes.get(round - 1),
                    cps.get(round - 1));
            fresh(work.resolve("cp"));
            fresh(work.resolve("ours"));
        }
        double o = median(ours);
        System.out.printf("offsite-copy ratio_to_two_hashes=%.2f ratio_to_cp=%.2f%n", o / median(hashes),
                o / median(cps));
    }

    private static void hash(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        digest.digest();
    }

    private static Path fresh(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
