package io.wfdr.snapshot.host;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Runs a {@link HostCommand} as a process, with a time limit, and hands back its exit code and what it printed. */
public final class HostProgram {

    private HostProgram() {
    }

    public record Outcome(HostCommand command, int exitCode, String output) {

        public String orFail() {
            if (exitCode != 0) {
                throw new HostCommandFailure(command, exitCode, output);
            }
            return output;
        }
    }

    public static Outcome execute(HostCommand command, Duration timeout) {
        return execute(command, null, timeout);
    }

    /** @param stdin written to the command's standard input and closed (commands read line by line), or null */
    public static Outcome execute(HostCommand command, String stdin, Duration timeout) {
        try {
            Path output = Files.createTempFile("wfdr-host", ".out");
            try {
                Process process = new ProcessBuilder(command.argv()).redirectErrorStream(true)
                        .redirectOutput(output.toFile()).start();
                try (OutputStream in = process.getOutputStream()) {
                    if (stdin != null) {
                        in.write(stdin.getBytes(StandardCharsets.UTF_8));
                    }
                }
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new HostCommandFailure(command, -1, "no answer within " + timeout);
                }
                return new Outcome(command, process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.display(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostCommandFailure(command, -1, "interrupted");
        }
    }
}
