package io.wfdr.snapshot.datastore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import io.wfdr.snapshot.domain.SnapshotManifest;
import io.wfdr.spine.contract.ContractJson;

/**
 * A datastore folder a VM host has mounted (the DR host's, for replicas): snapshot files and, next to each, its
 * manifest {@code <snapshotId>.manifest.json}. A manifest is written under a temporary name and moved into place,
 * so a crash never leaves a manifest that is incomplete under its final name.
 */
public class FolderDatastore {

    private static final String SUFFIX = ".manifest.json";
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
        Path target = folder.resolve(manifest.snapshotId() + SUFFIX);
        Path partial = folder.resolve(manifest.snapshotId() + SUFFIX + ".partial");
        Files.writeString(partial, ContractJson.write(manifest), StandardCharsets.UTF_8);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    public Optional<SnapshotManifest> read(String snapshotId) throws IOException {
        Path manifest = folder.resolve(snapshotId + SUFFIX);
        return Files.exists(manifest)
                ? Optional.of(ContractJson.read(Files.readString(manifest, StandardCharsets.UTF_8), SnapshotManifest.class))
                : Optional.empty();
    }
}
