package io.wfdr.snapshot.datastore;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.wfdr.snapshot.domain.SnapshotManifest;
import io.wfdr.spine.contract.Durable;

/**
 * A datastore folder a VM host has mounted (the DR host's, for replicas): snapshot files and, next to each, its
 * manifest ({@link ManifestFiles}). A manifest is written under a temporary name, flushed and moved into place, so a
 * crash never leaves a manifest that is incomplete under its final name.
 */
public class FolderDatastore {

    private final Path folder;

    public FolderDatastore(Path folder) {
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    public Path file(SnapshotManifest manifest) {
        return folder.resolve(manifest.file());
    }

    public void write(SnapshotManifest manifest) throws IOException {
        Files.createDirectories(folder);
        Path target = folder.resolve(ManifestFiles.nameOf(manifest.snapshotId()));
        Path partial = folder.resolve(ManifestFiles.temporaryNameOf(manifest.snapshotId()));
        Files.writeString(partial, ManifestFiles.json(manifest), StandardCharsets.UTF_8);
        try (FileChannel written = FileChannel.open(partial, StandardOpenOption.WRITE)) {
            written.force(true);
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Durable.syncDirectory(folder);
    }

    public Optional<SnapshotManifest> read(String snapshotId) throws IOException {
        Path manifest = folder.resolve(ManifestFiles.nameOf(snapshotId));
        return Files.exists(manifest) ? Optional.of(parse(manifest)) : Optional.empty();
    }

    /** Every manifest in the folder, in the order of their file names. */
    public List<SnapshotManifest> list() throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<SnapshotManifest> manifests = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> ManifestFiles.isManifest(f.getFileName().toString()))
                    .sorted(Comparator.comparing(Path::getFileName)).toList()) {
                manifests.add(parse(file));
            }
        }
        return manifests;
    }

    private static SnapshotManifest parse(Path manifest) throws IOException {
        return ManifestFiles.parse(Files.readString(manifest, StandardCharsets.UTF_8));
    }
}
