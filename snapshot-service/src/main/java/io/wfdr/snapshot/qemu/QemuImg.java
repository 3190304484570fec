package io.wfdr.snapshot.qemu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.wfdr.snapshot.host.HostCommand;
import io.wfdr.snapshot.host.HostCommandFailure;
import io.wfdr.snapshot.host.HostProgram;
import io.wfdr.snapshot.host.HostShell;

/**
 * The qemu-img of a VM host: qcow2 images and overlays, what an overlay changed, whether two disks hold the same
 * bytes. Every command is an argument vector (no shell) that a script-only answer can show as it is. Backing files
 * are always named relative to the image, with their format, so a chain copied to the DR host resolves there.
 */
public class QemuImg {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String program;
    private final Duration timeout;
    private final HostShell shell;

    public QemuImg(String program, Duration timeout) {
        this(program, timeout, HostShell.LOCAL);
    }

    /** The qemu-img of the host {@code shell} runs commands on. */
    public QemuImg(String program, Duration timeout, HostShell shell) {
        this.program = program;
        this.timeout = timeout;
        this.shell = shell;
    }

    /** Whether this host has qemu-img at all (a host without it can take no snapshot). */
    public boolean available() {
        try {
            return run(HostCommand.of(program, "--version")).contains("qemu-img");
        } catch (HostCommandFailure | UncheckedIOException e) {
            return false;
        }
    }

    public HostCommand createCommand(Path image, long bytes, int clusterSize) {
        return HostCommand.of(program, "create", "-q", "-f", "qcow2", "-o", "cluster_size=" + clusterSize,
                image.toString(), Long.toString(bytes));
    }

    /** An overlay on {@code base}, named by its path relative to the overlay's folder. */
    public HostCommand overlayCommand(Path overlay, Path base, int clusterSize) {
        return HostCommand.of(program, "create", "-q", "-f", "qcow2", "-b", relativeTo(overlay, base), "-F",
                "qcow2", "-o", "cluster_size=" + clusterSize, overlay.toString());
    }

    /** Points {@code image} at another backing file without touching its data: the parent must hold the same bytes. */
    public HostCommand rebaseCommand(Path image, Path newBacking) {
        return HostCommand.of(program, "rebase", "-u", "-b", relativeTo(image, newBacking), "-F", "qcow2",
                image.toString());
    }

    /** A standalone qcow2 of everything {@code source} shows (an image path or an {@code nbd+unix://} URI). */
    public HostCommand convertCommand(String source, Path target) {
        return HostCommand.of(program, "convert", "-O", "qcow2", source, target.toString());
    }

    public void convert(String source, Path target) {
        run(convertCommand(source, target));
    }

    public void create(Path image, long bytes, int clusterSize) {
        run(createCommand(image, bytes, clusterSize));
    }

    public void overlay(Path overlay, Path base, int clusterSize) {
        run(overlayCommand(overlay, base, clusterSize));
    }

    public void rebase(Path image, Path newBacking) {
        run(rebaseCommand(image, newBacking));
    }

    /** @param inUse the image is open in a running VM (read it without taking its lock) */
    public ImageInfo info(Path image, boolean inUse) {
        JsonNode info = json(inUse ? HostCommand.of(program, "info", "--output=json", "-U", image.toString())
                : HostCommand.of(program, "info", "--output=json", image.toString()));
        return new ImageInfo(info.path("format").asText(), info.path("virtual-size").asLong(),
                info.path("cluster-size").asLong(), info.hasNonNull("backing-filename")
                        ? info.get("backing-filename").asText() : null);
    }

    /**
     * The extents the image itself holds, not its backing chain: for an overlay, exactly what changed since its
     * base was frozen, in clusters of the overlay's cluster size.
     */
    public List<ImageExtent> changedExtents(Path overlay, boolean inUse) {
        JsonNode map = json(inUse ? HostCommand.of(program, "map", "--output=json", "-U", overlay.toString())
                : HostCommand.of(program, "map", "--output=json", overlay.toString()));
        List<ImageExtent> changed = new ArrayList<>();
        for (JsonNode entry : map) {
            boolean here = entry.path("depth").asInt() == 0 && entry.path("present").asBoolean(true);
            if (here && (entry.path("data").asBoolean() || entry.path("zero").asBoolean())) {
                changed.add(new ImageExtent(entry.path("start").asLong(), entry.path("length").asLong(),
                        !entry.path("data").asBoolean()));
            }
        }
        return changed;
    }

    /** Whether the two disks show the guest the same bytes (their chains read through, formats may differ). */
    public boolean sameContent(Path first, Path second, boolean inUse) {
        List<String> argv = new ArrayList<>(List.of(program, "compare", "-q"));
        if (inUse) {
            argv.add("-U");
        }
        argv.addAll(List.of(first.toString(), second.toString()));
        HostProgram.Outcome outcome = execute(new HostCommand(argv));
        if (outcome.exitCode() > 1) {
            throw new HostCommandFailure(outcome.command(), outcome.exitCode(), outcome.output());
        }
        return outcome.exitCode() == 0;
    }

    /**
     * Why an image's backing chain cannot be used away from where it was made: a backing file named by an absolute
     * path (it would resolve to the source host's disk), or one that leaves {@code folder}.
     */
    public Optional<String> backingProblem(Path image, Path folder) {
        ImageInfo info = info(image, false);
        if (!info.hasBacking()) {
            return Optional.empty();
        }
        Path backing = Path.of(info.backingFile());
        if (backing.isAbsolute()) {
            return Optional.of(image.getFileName() + " names its backing file by the absolute path "
                    + info.backingFile() + ", which resolves to the host it was made on; rebase it onto a relative name");
        }
        Path resolved = image.toAbsolutePath().getParent().resolve(backing).normalize();
        if (!resolved.startsWith(folder.toAbsolutePath().normalize())) {
            return Optional.of(image.getFileName() + " names its backing file " + info.backingFile()
                    + ", outside " + folder);
        }
        return Optional.empty();
    }

    static String relativeTo(Path image, Path backing) {
        Path folder = image.toAbsolutePath().getParent();
        return folder.relativize(backing.toAbsolutePath()).toString();
    }

    private JsonNode json(HostCommand command) {
        try {
            return JSON.readTree(run(command));
        } catch (IOException e) {
            throw new UncheckedIOException("qemu-img answered " + command.display() + " with something not JSON", e);
        }
    }

    private String run(HostCommand command) {
        return execute(command).orFail();
    }

    private HostProgram.Outcome execute(HostCommand command) {
        return shell.execute(command, timeout);
    }
}
