package io.wfdr.snapshot.libvirt;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.wfdr.snapshot.host.HostCommand;
import io.wfdr.snapshot.host.HostProgram;

/**
 * virsh against one VM host's libvirt ({@code qemu:///system} on the host itself, {@code qemu+ssh://…} from afar):
 * each call one {@link HostCommand}, so a script-only answer shows exactly what would run.
 */
public class Virsh {

    private final String program;
    private final String uri;
    private final Duration timeout;

    public Virsh(String program, String uri, Duration timeout) {
        this.program = program;
        this.uri = uri;
        this.timeout = timeout;
    }

    public String uri() {
        return uri;
    }

    public HostCommand command(String... arguments) {
        List<String> argv = new ArrayList<>(List.of(program, "-q", "-c", uri));
        argv.addAll(Arrays.asList(arguments));
        return new HostCommand(argv);
    }

    public String run(String... arguments) {
        return HostProgram.execute(command(arguments), timeout).orFail();
    }

    public HostProgram.Outcome attempt(String... arguments) {
        return execute(command(arguments));
    }

    public HostProgram.Outcome execute(HostCommand command) {
        return HostProgram.execute(command, timeout);
    }

    public boolean reachable() {
        try {
            return attempt("version").exitCode() == 0;
        } catch (RuntimeException e) {
            return false;
        }
    }

    public String state(String domain) {
        return run("domstate", domain).strip();
    }

    public String dumpXml(String domain) {
        return run("dumpxml", domain);
    }

    public List<String> checkpoints(String domain) {
        return run("checkpoint-list", domain, "--name", "--topological").lines().map(String::strip)
                .filter(line -> !line.isEmpty()).toList();
    }

    public HostCommand backupBeginCommand(String domain, Path backupXml, Path checkpointXml) {
        return command("backup-begin", domain, backupXml.toString(), checkpointXml.toString());
    }

    public HostCommand defineCommand(Path domainXml) {
        return command("define", domainXml.toString());
    }
}
