package io.wfdr.spine.contract;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads and writes {@code <backup file>.manifest.json} at a destination. A manifest is written to a temporary name,
 * flushed, renamed and its directory flushed, so a reader never sees half of one and a crash never leaves one that
 * names a copy that is not there.
 */
public class ManifestStore {

    public static final String SUFFIX = ".manifest.json";

    public Path write(Path destinationDir, BackupManifest manifest) throws IOException {
        String first = manifest.files().get(0).name();
        Path target = destinationDir.resolve(first + SUFFIX);
        Path temporary = destinationDir.resolve(first + SUFFIX + ".tmp");
        byte[] json = ContractJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
        try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(json);
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            out.force(true);
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Durable.syncDirectory(destinationDir);
        return target;
    }

    /** Every manifest at the destination, with the problems of those that cannot be read. */
    public Read readAll(Path destinationDir) throws IOException {
        List<BackupManifest> manifests = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        try (Stream<Path> files = Files.list(destinationDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList()) {
                try {
                    BackupManifest manifest = ContractJson.mapper().readValue(
                            Files.readString(file, StandardCharsets.UTF_8), BackupManifest.class);
                    if (manifest.manifestVersion() != BackupManifest.VERSION) {
                        unreadable.add(file.getFileName() + ": manifest version " + manifest.manifestVersion()
                                + ", this reader knows version " + BackupManifest.VERSION);
                    } else if (manifest.backup() == null || manifest.files().isEmpty()) {
                        unreadable.add(file.getFileName() + ": names no backup set or no file");
                    } else {
                        manifests.add(manifest);
                    }
                } catch (IOException e) {
                    unreadable.add(file.getFileName() + ": " + e.getMessage());
                }
            }
        }
        return new Read(manifests, unreadable);
    }

    public record Read(List<BackupManifest> manifests, List<String> unreadable) {
    }

    /** How a reader hashes a file it was told the SHA-256 of (read back from storage, or plainly). */
    @FunctionalInterface
    public interface Hasher {
        String sha256(Path file) throws IOException;
    }

    /**
     * Why the files a manifest names cannot be counted — not a plain file of the folder, missing, another size than
     * the manifest's, or (when {@code hasher} is given) another SHA-256 — or null when every file can.
     */
    public String problemWith(Path folder, BackupManifest manifest, Hasher hasher) throws IOException {
        for (BackupManifest.ManifestFile file : manifest.files()) {
            Path path = folder.resolve(file.name()).normalize();
            if (!folder.normalize().equals(path.getParent())) {
                return file.name() + " is not a file name inside the destination";
            }
            if (!Files.isRegularFile(path)) {
                return file.name() + " is missing";
            }
            if (Files.size(path) != file.bytes()) {
                return file.name() + " has " + Files.size(path) + " bytes, its manifest says " + file.bytes();
            }
            if (hasher != null && !hasher.sha256(path).equals(file.sha256())) {
                return file.name() + " does not have the SHA-256 its manifest records; it is not counted";
            }
        }
        return null;
    }
}
