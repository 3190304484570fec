package io.wfdr.snapshot.libvirt;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

import org.awaitility.Awaitility;

import io.wfdr.snapshot.host.HostCommand;
import io.wfdr.snapshot.host.HostProgram;
import io.wfdr.snapshot.qemu.QemuImg;

/**
 * A real VM under this machine's libvirt (software emulation, no guest OS: its disk changes only when a test
 * writes into it through QEMU's monitor, as the reference describes). Tests that need one are skipped, saying
 * why, where libvirtd does not answer.
 */
public final class TestVm implements AutoCloseable {

    public static final String URI = "qemu:///system";
    public static final String QEMU_USER = "libvirt-qemu";
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static Boolean reachable;

    public final String name;
    public final Path folder;
    public final Path disk;
    public final Virsh virsh = new Virsh("virsh", URI, TIMEOUT);

    private TestVm(String name, Path folder) {
        this.name = name;
        this.folder = folder;
        this.disk = folder.resolve(name + ".qcow2");
    }

    /** Skips the calling test unless libvirtd answers at {@link #URI}. */
    public static void assumeLibvirt() {
        if (reachable == null) {
            reachable = new Virsh("virsh", URI, Duration.ofSeconds(60)).reachable();
        }
        assumeTrue(reachable, "libvirtd does not answer at " + URI
                + " (apt-get install libvirt-daemon-system qemu-system-x86; virtlogd -d; libvirtd -d); VM tests skipped");
    }

    /** A running VM with one disk of {@code bytes} (a qcow2 with {@code clusterSize} clusters). */
    public static TestVm start(long bytes, int clusterSize) throws IOException {
        return start("wfdr-test-" + UUID.randomUUID().toString().substring(0, 8), bytes, clusterSize);
    }

    /** @param name the domain's name (an inventory's server name, at most 15 characters) */
    public static TestVm start(String name, long bytes, int clusterSize) throws IOException {
        assumeLibvirt();
        Path folder = Files.createDirectories(Path.of("/var/tmp", "wfdr-vm-tests", UUID.randomUUID().toString()),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        TestVm vm = new TestVm(name, folder);
        new QemuImg("qemu-img", TIMEOUT).create(vm.disk, bytes, clusterSize);
        vm.workFolders().handOver(vm.disk);
        Path xml = folder.resolve(vm.name + ".xml");
        Files.writeString(xml, domainXml(vm.name, vm.disk));
        vm.virsh.execute(vm.virsh.defineCommand(xml)).orFail();
        vm.virsh.run("start", vm.name);
        return vm;
    }

    static String domainXml(String name, Path disk) {
        return "<domain type='qemu'>\n  <name>" + name + "</name>\n  <memory unit='MiB'>64</memory>\n"
                + "  <vcpu>1</vcpu>\n  <os><type arch='x86_64' machine='pc'>hvm</type></os>\n  <devices>\n"
                + "    <disk type='file' device='disk'>\n      <driver name='qemu' type='qcow2'/>\n"
                + "      <source file='" + disk + "'/>\n      <target dev='vda' bus='virtio'/>\n    </disk>\n"
                + "    <interface type='user'><mac address='52:54:00:12:34:56'/><model type='virtio'/></interface>\n"
                + "  </devices>\n</domain>\n";
    }

    /** Work folders for this VM, its sockets under a short path of its own. */
    public WorkFolders workFolders() {
        return new WorkFolders(QEMU_USER, Path.of("/tmp", name));
    }

    /** Writes {@code pattern} into the running disk at each offset (4 KiB each), all through one virsh. */
    public void write(int pattern, long length, long... offsets) {
        StringBuilder commands = new StringBuilder();
        for (long offset : offsets) {
            commands.append("qemu-monitor-command ").append(name).append(" --hmp 'qemu-io -d ")
                    .append("/machine/peripheral/virtio-disk0/virtio-backend \"write -P 0x")
                    .append(Integer.toHexString(pattern)).append(' ').append(offset).append(' ').append(length)
                    .append("\"'\n");
        }
        HostProgram.execute(HostCommand.of("virsh", "-q", "-c", URI), commands.toString(), TIMEOUT).orFail();
    }

    /** Makes QEMU write its cached qcow2 metadata, so qemu-img reading the live file sees what the guest sees. */
    public void flush() {
        virsh.run("qemu-monitor-command", name, "--hmp",
                "qemu-io -d /machine/peripheral/virtio-disk0/virtio-backend \"flush\"");
    }

    /** What a crash of the host process does: QEMU killed, nothing written on its way out. */
    public void kill() throws IOException {
        String pid = Files.readString(Path.of("/run/libvirt/qemu", name + ".pid")).strip();
        HostProgram.execute(HostCommand.of("kill", "-9", pid), TIMEOUT).orFail();
        Awaitility.await().atMost(TIMEOUT).until(() -> "shut off".equals(virsh.state(name)));
    }

    @Override
    public void close() throws IOException {
        virsh.attempt("destroy", name);
        virsh.attempt("undefine", name, "--checkpoints-metadata");
        for (Path tree : new Path[] {folder, Path.of("/tmp", name)}) {
            if (Files.exists(tree)) {
                try (Stream<Path> files = Files.walk(tree)) {
                    files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        }
    }
}
