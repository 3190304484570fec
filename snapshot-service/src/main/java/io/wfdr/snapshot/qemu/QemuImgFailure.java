package io.wfdr.snapshot.qemu;

/** qemu-img refused or failed: the command as an operator would type it, its exit code and what it printed. */
public class QemuImgFailure extends RuntimeException {

    public QemuImgFailure(HostCommand command, int exitCode, String output) {
        super(command.display() + " failed (exit " + exitCode + "): " + output.strip());
    }
}
