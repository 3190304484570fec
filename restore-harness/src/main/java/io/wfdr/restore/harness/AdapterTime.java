package io.wfdr.restore.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The time this process spent inside its adapters (the simulated SQL Server, PowerShell over SSH), so a benchmark can
 * tell the runbook engine's own time from the outside world's: written to {@code adapter-nanos} in the state folder
 * after every call.
 */
@ApplicationScoped
public class AdapterTime {

    private final AtomicLong nanos = new AtomicLong();
    private final Path file;

    AdapterTime(HarnessConfig config) {
        this.file = config.stateDir().resolve("adapter-nanos");
    }

    /** Runs the call and counts its time, whatever it ends with. */
    public <T, E extends Exception> T timed(Call<T, E> call) throws E {
        long start = System.nanoTime();
        try {
            return call.run();
        } finally {
            record(System.nanoTime() - start);
        }
    }

    public interface Call<T, E extends Exception> {
        T run() throws E;
    }

    private synchronized void record(long spent) {
        long total = nanos.addAndGet(spent);
        try {
            Path next = file.resolveSibling("adapter-nanos.next");
            Files.writeString(next, Long.toString(total));
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
