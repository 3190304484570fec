package io.wfdr.snapshot.host;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One command wfdr runs on a VM host (qemu-img, virsh), as its argument vector — never through a shell — and as an
 * operator reads it in a script-only answer, each argument quoted for a POSIX shell where it needs it.
 */
public record HostCommand(List<String> argv) {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    public HostCommand {
        if (argv == null || argv.isEmpty()) {
            throw new IllegalArgumentException("a command needs at least its program");
        }
        argv = List.copyOf(argv);
    }

    public static HostCommand of(String... argv) {
        return new HostCommand(List.of(argv));
    }

    /** The command as a shell line, e.g. {@code qemu-img create -f qcow2 '/srv/vm images/a.qcow2' 2G}. */
    public String display() {
        return argv.stream().map(HostCommand::quoted).collect(Collectors.joining(" "));
    }

    static String quoted(String argument) {
        if (!argument.isEmpty() && PLAIN.matcher(argument).matches()) {
            return argument;
        }
        return "'" + argument.replace("'", "'\\''") + "'";
    }
}
