package io.wfdr.snapshot.host;

import java.time.Duration;

/**
 * Where a {@link HostCommand} runs: on this machine as a process, or on a VM host wfdr reaches over SSH, where the
 * same argument vector is sent as one shell line, each argument quoted ({@link HostCommand#display()}).
 */
@FunctionalInterface
public interface HostShell {

    HostShell LOCAL = HostProgram::execute;

    /** Runs the command and hands back its exit code and what it printed (standard output, then errors). */
    HostProgram.Outcome execute(HostCommand command, Duration timeout);
}
