package io.wfdr.snapshot.service;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.wfdr.snapshot.datastore.FolderDatastore;
import io.wfdr.snapshot.domain.ChangeTrackingLost;
import io.wfdr.snapshot.domain.Consistency;
import io.wfdr.snapshot.domain.ImageExtents;
import io.wfdr.snapshot.domain.PointInTimeExport;
import io.wfdr.snapshot.domain.SnapshotKind;
import io.wfdr.snapshot.domain.SnapshotManifest;
import io.wfdr.snapshot.domain.TakenSnapshot;
import io.wfdr.snapshot.domain.VmDefinition;
import io.wfdr.snapshot.libvirt.WorkFolders;
import io.wfdr.snapshot.nbd.ChangedBlocks;
import io.wfdr.snapshot.nbd.NbdConnection;
import io.wfdr.snapshot.qemu.ImageExtent;
import io.wfdr.snapshot.qemu.QemuImg;
import io.wfdr.snapshot.qemu.QemuNbd;
import io.wfdr.spine.contract.Durable;
import io.wfdr.spine.contract.FileHash;

/**
 * Takes one snapshot of a running VM into a datastore folder: a full is the whole disk at one instant
 * ({@code qemu-img convert} from the point-in-time export); an incremental is a qcow2 overlay on its parent's file,
 * with 4 KiB clusters, holding exactly the blocks the hypervisor's change tracking marks (read from the export,
 * written through qemu-nbd). When the tracking is lost, a full is taken instead and the snapshot says why. The file
 * is written as {@code .partial} and gets its final name, then its manifest, only when complete and on disk.
 */
public class SnapshotTaker {

    static final int OVERLAY_CLUSTER = 4096;
    private static final String PARTIAL = ".partial";

    private final Hypervisor hypervisor;
    private final WorkFolders folders;
    private final QemuImg qemu;
    private final String qemuNbd;
    private final Path workRoot;
    private final Duration timeout;
    private final Clock clock;

    public SnapshotTaker(Hypervisor hypervisor, WorkFolders folders, QemuImg qemu, String qemuNbd, Path workRoot,
            Duration timeout, Clock clock) {
        this.hypervisor = hypervisor;
        this.folders = folders;
        this.qemu = qemu;
        this.qemuNbd = qemuNbd;
        this.workRoot = workRoot;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** @param parent the previous snapshot of the chain (an incremental is taken on it), or null for a full */
    public TakenSnapshot take(String vm, String snapshotId, SnapshotManifest parent, FolderDatastore store)
            throws IOException {
        if (parent == null) {
            return full(vm, snapshotId, store, null);
        }
        try {
            return incremental(vm, snapshotId, parent, store);
        } catch (ChangeTrackingLost lost) {
            return full(vm, snapshotId, store, lost.getMessage() + "; a new full was taken");
        }
    }

    private TakenSnapshot full(String vm, String snapshotId, FolderDatastore store, String because)
            throws IOException {
        Path partial = partial(store, snapshotId);
        Instant at = clock.instant();
        PointInTimeExport export = hypervisor.beginFull(vm, snapshotId, workFolder(vm));
        try {
            qemu.convert(nbdUri(export), partial);
        } catch (RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        } finally {
            hypervisor.endExport(export);
        }
        List<ImageExtent> allocated = qemu.changedExtents(partial, false);
        SnapshotManifest manifest = publish(store, partial, new Draft(snapshotId, vm, SnapshotKind.FULL, null, at,
                allocated, export.consistency(), hypervisor.definition(vm)));
        return new TakenSnapshot(manifest, ImageExtents.dataBytes(allocated), because, export.consistency());
    }

    private TakenSnapshot incremental(String vm, String snapshotId, SnapshotManifest parent, FolderDatastore store)
            throws IOException {
        Path partial = partial(store, snapshotId);
        Instant at = clock.instant();
        PointInTimeExport export = hypervisor.beginIncremental(vm, parent.snapshotId(), snapshotId, workFolder(vm));
        List<ImageExtent> changed;
        try (NbdConnection source = NbdConnection.open(export.socket(), export.export(),
                List.of(export.changedContext()))) {
            changed = ChangedBlocks.marked(source, export.changedContext(), ChangedBlocks.DIRTY);
            Files.deleteIfExists(partial);
            qemu.overlay(partial, store.file(parent), OVERLAY_CLUSTER);
            writeChanged(source, partial, changed, vm);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        } finally {
            hypervisor.endExport(export);
        }
        SnapshotManifest manifest = publish(store, partial, new Draft(snapshotId, vm, SnapshotKind.INCREMENTAL,
                parent.snapshotId(), at, changed, export.consistency(), hypervisor.definition(vm)));
        return new TakenSnapshot(manifest, ImageExtents.dataBytes(changed), null, export.consistency());
    }

    private void writeChanged(NbdConnection source, Path overlay, List<ImageExtent> changed, String vm)
            throws IOException {
        Path socket = folders.socket(overlay.toString());
        try (QemuNbd server = QemuNbd.serve(qemuNbd, overlay, socket, timeout);
                NbdConnection target = server.connect()) {
            ChangedBlocks.copy(source, target, changed);
        }
    }

    private record Draft(String snapshotId, String vm, SnapshotKind kind, String parentId, Instant takenAt,
            List<ImageExtent> extents, Consistency consistency, VmDefinition definition) {
    }

    private SnapshotManifest publish(FolderDatastore store, Path partial, Draft draft) throws IOException {
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Path file = store.folder().resolve(draft.snapshotId() + ".qcow2");
        Files.move(partial, file);
        Durable.syncDirectory(store.folder());
        SnapshotManifest manifest = new SnapshotManifest(draft.snapshotId(), draft.vm(), draft.kind(),
                draft.parentId(), file.getFileName().toString(), Files.size(file), FileHash.sha256(file),
                qemu.info(file, false).virtualSize(), draft.extents(), draft.takenAt(), draft.consistency(), draft.definition());
        store.write(manifest);
        hypervisor.keepOnlyCheckpoint(draft.vm(), draft.snapshotId());
        return manifest;
    }

    private Path partial(FolderDatastore store, String snapshotId) throws IOException {
        Files.createDirectories(store.folder());
        return store.folder().resolve(snapshotId + ".qcow2" + PARTIAL);
    }

    private Path workFolder(String vm) {
        return workRoot.resolve(vm);
    }

    static String nbdUri(PointInTimeExport export) {
        return "nbd+unix:///" + export.export() + "?socket=" + export.socket();
    }
}
