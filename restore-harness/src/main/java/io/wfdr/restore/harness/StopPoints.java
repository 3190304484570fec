package io.wfdr.restore.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.jboss.logging.Logger;

/**
 * The points a test can stop the process at from outside, e.g. {@code SQLDR01.sql-3-before}: on reaching one the
 * process writes the marker {@code reached-<point>} (holding its pid and what it was about to do or did) into the
 * state folder and, while the file {@code hold} there names that point, waits — for the test to kill it, or to name
 * another point. A marker appears only once the point is reached, and the wait begins after it is written.
 */
final class StopPoints {

    private static final Logger LOG = Logger.getLogger(StopPoints.class);
    static final String HOLD = "hold";
    static final String MARKER = "reached-";
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final Path folder;

    StopPoints(Path folder) {
        this.folder = folder;
    }

    void reach(String point, String what) {
        try {
            Path temporary = Files.createTempFile(folder, MARKER, ".tmp");
            Files.writeString(temporary, ProcessHandle.current().pid() + "\n" + what + "\n");
            Files.move(temporary, folder.resolve(MARKER + point), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot mark " + point + " as reached in " + folder, e);
        }
        if (!held(point)) {
            return;
        }
        LOG.infof("Held at %s (%s): waiting to be killed", point, what);
        while (held(point)) {
            LockSupport.parkNanos(POLL_NANOS);
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("interrupted while held at " + point);
            }
        }
        LOG.infof("Released from %s", point);
    }

    private boolean held(String point) {
        try {
            return point.equals(Files.readString(folder.resolve(HOLD), StandardCharsets.UTF_8).strip());
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder.resolve(HOLD), e);
        }
    }
}
