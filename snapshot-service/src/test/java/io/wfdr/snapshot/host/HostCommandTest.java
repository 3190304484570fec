package io.wfdr.snapshot.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;

import io.wfdr.snapshot.qemu.QemuImg;

import org.junit.jupiter.api.Test;

/** A script-only answer shows each command as an operator could paste it: arguments quoted for a POSIX shell. */
class HostCommandTest {

    @Test
    void argumentsThatAShellWouldSplitOrExpandAreQuoted() {
        assertEquals("qemu-img create -q -f qcow2 -o cluster_size=4096 '/srv/vm images/web01.qcow2' 2147483648",
                new QemuImg("qemu-img", Duration.ofSeconds(5))
                        .createCommand(Path.of("/srv/vm images/web01.qcow2"), 2L << 30, 4096).display());
        assertEquals("echo 'it'\\''s' '$HOME' ''", HostCommand.of("echo", "it's", "$HOME", "").display());
    }

    @Test
    void anOverlayNamesItsBaseRelativeToItselfSoTheChainTravels() {
        assertEquals(java.util.List.of("qemu-img", "create", "-q", "-f", "qcow2", "-b", "web01-full.qcow2", "-F",
                "qcow2", "-o", "cluster_size=4096", "/srv/vm/web01-incr-1.qcow2"),
                new QemuImg("qemu-img", Duration.ofSeconds(5)).overlayCommand(Path.of("/srv/vm/web01-incr-1.qcow2"),
                        Path.of("/srv/vm/web01-full.qcow2"), 4096).argv());
    }
}
