package io.wfdr.snapshot.host;

/** A VM host's program (qemu-img, virsh, qemu-nbd) refused or failed: the command as an operator would type it, its exit code and what it printed. */
public class HostCommandFailure extends RuntimeException {

    private final int exitCode;
    private final String output;

    public HostCommandFailure(HostCommand command, int exitCode, String output) {
        super(command.display() + " failed (exit " + exitCode + "): " + output.strip());
        this.exitCode = exitCode;
        this.output = output;
    }

    public int exitCode() {
        return exitCode;
    }

    public String output() {
        return output;
    }
}
