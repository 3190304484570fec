package io.wfdr.snapshot.replication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import io.wfdr.snapshot.host.HostCommand;
import io.wfdr.snapshot.host.HostProgram;
import io.wfdr.snapshot.host.HostShell;

/**
 * Runs a {@link HostCommand} on the DR host over SSH, as one shell line with every argument quoted, on a connection
 * of its own. What it printed is its standard output, and its errors too when it failed.
 */
final class SshHostShell implements HostShell {

    private final SshDrHost host;

    SshHostShell(SshDrHost host) {
        this.host = host;
    }

    @Override
    public HostProgram.Outcome execute(HostCommand command, Duration timeout) {
        try (DrHostSession dr = host.open()) {
            DrHostSession.Exit exit = dr.execute(command.display());
            return new HostProgram.Outcome(command, exit.status(),
                    exit.status() == 0 ? exit.stdout() : exit.stdout() + exit.stderr());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.display() + " on " + host.display() + ": "
                    + e.getMessage(), e);
        }
    }
}
