import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.wfdr.snapshot.datastore.FolderDatastore;
import io.wfdr.snapshot.domain.SnapshotManifest;
import io.wfdr.snapshot.domain.TakenSnapshot;
import io.wfdr.snapshot.libvirt.LibvirtHypervisor;
import io.wfdr.snapshot.libvirt.TestVm;
import io.wfdr.snapshot.libvirt.WorkFolders;
import io.wfdr.snapshot.qemu.QemuImg;
import io.wfdr.snapshot.replication.FolderReplicaStore;
import io.wfdr.snapshot.replication.Shipment;
import io.wfdr.snapshot.service.SnapshotTaker;
import io.wfdr.snapshot.service.VmRebuilder;
import io.wfdr.spine.transfer.VerifiedCopier;

/** See bench/vm-replication/run. */
public class VmReplicationBench {

    static final int KIB4 = 4096;
    static final long DISK = 2L << 30;
    static final long SEQUENTIAL = 64L << 20;
    static final int SCATTERED = 2000;

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("rounds", 3);
        Duration timeout = Duration.ofMinutes(10);
        QemuImg qemu = new QemuImg("qemu-img", timeout);
        try (TestVm vm = TestVm.start(DISK, KIB4)) {
            WorkFolders folders = vm.workFolders();
            LibvirtHypervisor host = new LibvirtHypervisor(vm.virsh, folders);
            SnapshotTaker taker = new SnapshotTaker(host, folders, qemu, "qemu-nbd", vm.folder.resolve("work"),
                    timeout, Clock.systemUTC());
            FolderDatastore source = new FolderDatastore(vm.folder.resolve("source"));
            FolderReplicaStore dr = new FolderReplicaStore(vm.folder.resolve("dr"), new VerifiedCopier(), qemu,
                    folders);
            vm.write(0x42, 64L << 20, 0, 64L << 20, 128L << 20, 192L << 20);
            TakenSnapshot previous = taker.take(vm.name, "full", null, source);
            replicate(dr, source, previous.manifest());
            List<Double> ratios = new ArrayList<>();
            List<Double> times = new ArrayList<>();
            Random random = new Random(12);
            for (int round = 1; round <= rounds; round++) {
                long[] offsets = random.longs(SCATTERED, 0, (DISK - (512L << 20)) / KIB4).map(b -> (512L << 20) + b * KIB4)
                        .distinct().toArray();
                vm.write(0x10 + round, KIB4, offsets);
                vm.write(0x20 + round, SEQUENTIAL, 256L << 20);
                long changed = (long) offsets.length * KIB4 + SEQUENTIAL;
                long t0 = System.nanoTime();
                TakenSnapshot incremental = taker.take(vm.name, "inc" + round, previous.manifest(), source);
                double take = seconds(t0);
                t0 = System.nanoTime();
                Shipment shipment = replicate(dr, source, incremental.manifest());
                double replication = seconds(t0);
                double cp = cpAndSync(changedData(vm.folder, changed), vm.folder.resolve("cp-changed"));
                ratios.add((double) shipment.shippedBytes() / changed);
                times.add(replication / cp);
                System.err.printf("round %d: changed %d B, bitmap found %d B, shipped %d B (%.3f); incremental %.2f s,"
                        + " replication %.3f s, cp+sync of the changed bytes %.3f s (%.2f)%n", round, changed,
                        incremental.changedBytes(), shipment.shippedBytes(), ratios.get(round - 1), take, replication,
                        cp, times.get(round - 1));
                previous = incremental;
            }
            vm.flush();
            double cpWhole = cpAndSync(vm.disk, vm.folder.resolve("cp-whole"));
            vm.virsh.run("destroy", vm.name);
            vm.virsh.run("undefine", vm.name, "--checkpoints-metadata");
            long t0 = System.nanoTime();
            VmRebuilder.Rebuilt rebuilt = new VmRebuilder().rebuild(previous.manifest(), dr, host,
                    vm.folder.resolve("dr-disks").toString(), vm.folder.resolve("dr-work"));
            double rebuild = seconds(t0);
            boolean same = qemu.sameContent(vm.disk, Path.of(rebuilt.disk()), true);
            System.err.printf("rebuild %.2f s (running, byte-identical with the source: %s), cp+sync of the whole "
                    + "image %.2f s%n", rebuild, same, cpWhole);
            if (!same) {
                throw new IllegalStateException("the rebuilt disk differs from the source");
            }
            System.out.printf("vm-replication shipped_to_changed=%.3f time_to_cp=%.2f rebuild_to_cp=%.2f%n",
                    median(ratios), median(times), rebuild / cpWhole);
        }
    }

    static Shipment replicate(FolderReplicaStore dr, FolderDatastore source, SnapshotManifest manifest)
            throws Exception {
        Shipment shipment = dr.ship(source.file(manifest), manifest.file());
        dr.writeManifest(manifest);
        if (!shipment.sha256().equals(manifest.sha256())) {
            throw new IllegalStateException("the replica does not hash to the snapshot's SHA-256");
        }
        return shipment;
    }

    static Path changedData(Path folder, long bytes) throws Exception {
        Path file = folder.resolve("changed.bin");
        byte[] block = new byte[1 << 20];
        new Random(7).nextBytes(block);
        try (var out = Files.newOutputStream(file)) {
            for (long left = bytes; left > 0; left -= block.length) {
                out.write(block, 0, (int) Math.min(block.length, left));
            }
        }
        return file;
    }

    static double cpAndSync(Path file, Path folder) throws Exception {
        Files.createDirectories(folder);
        Path target = folder.resolve(file.getFileName());
        Files.deleteIfExists(target);
        long t0 = System.nanoTime();
        run("cp", file.toString(), target.toString());
        run("sync", target.toString());
        double took = seconds(t0);
        Files.delete(target);
        return took;
    }

    static void run(String... argv) throws Exception {
        if (new ProcessBuilder(argv).inheritIO().start().waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", argv) + " failed");
        }
    }

    static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
