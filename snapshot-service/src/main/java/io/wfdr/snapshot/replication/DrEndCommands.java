package io.wfdr.snapshot.replication;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.wfdr.snapshot.host.HostCommand;

/**
 * The command lines run on the DR VM host (Linux, coreutils), every path a quoted argument: the DR end hashes what
 * it stored itself, flushes it, and publishes it under its final name without ever replacing another file.
 */
final class DrEndCommands {

    private static final Pattern HASHED = Pattern.compile("(?s)\\s*(\\d+)\\s+([0-9a-f]{64})\\s+-\\s*");
    private static final Pattern PREFIX_HASHED = Pattern.compile("(?s)\\s*([0-9a-f]{64})\\s+-\\s*");

    private DrEndCommands() {
    }

    /**
     * The file's size, then the SHA-256 of its bytes read past the page cache (direct I/O) where its file system
     * allows it, so the hash is of what the storage holds.
     */
    static String sizeAndSha256(String path) {
        String direct = line("dd", "if=" + path, "iflag=direct", "bs=1M", "status=none");
        return line("stat", "-c", "%s", "--", path) + " && if "
                + line("dd", "if=" + path, "iflag=direct", "bs=512", "count=0", "status=none") + " 2>/dev/null; then "
                + direct + "; else " + line("cat", "--", path) + "; fi | sha256sum";
    }

    /** The SHA-256 of the file's first {@code bytes} bytes. */
    static String prefixSha256(String path, long bytes) {
        return line("head", "-c", Long.toString(bytes), "--", path) + " | sha256sum";
    }

    static String makeFolder(String folder) {
        return line("mkdir", "-p", "--", folder);
    }

    static String sync(String path) {
        return line("sync", "--", path);
    }

    /** Gives the partial file its final name by a hard link, which fails rather than replace an existing file. */
    static String publish(String partial, String target, String folder) {
        return line("ln", "--", partial, target) + " && " + line("rm", "-f", "--", partial) + " && " + sync(folder);
    }

    /** Moves a flushed temporary file over its final name (a manifest, which a newer one may replace). */
    static String replace(String temporary, String target, String folder) {
        return sync(temporary) + " && " + line("mv", "-f", "--", temporary, target) + " && " + sync(folder);
    }

    /** Renames by a hard link, which fails rather than replace an existing file, then drops the old name. */
    static String rename(String from, String to, String folder) {
        return line("ln", "--", from, to) + " && " + line("rm", "-f", "--", from) + " && " + sync(folder);
    }

    static String remove(String folder, String... paths) {
        String[] argv = new String[paths.length + 3];
        argv[0] = "rm";
        argv[1] = "-f";
        argv[2] = "--";
        System.arraycopy(paths, 0, argv, 3, paths.length);
        return line(argv) + " && " + sync(folder);
    }

    record SizeAndHash(long bytes, String sha256) {
    }

    static SizeAndHash parseSizeAndSha256(String output, String path) throws IOException {
        Matcher matcher = HASHED.matcher(output);
        if (!matcher.matches()) {
            throw new IOException("the DR host's answer to hashing " + path + " is not a size and a SHA-256: "
                    + output.strip());
        }
        return new SizeAndHash(Long.parseLong(matcher.group(1)), matcher.group(2));
    }

    static String parseSha256(String output, String path) throws IOException {
        Matcher matcher = PREFIX_HASHED.matcher(output);
        if (!matcher.matches()) {
            throw new IOException("the DR host's answer to hashing " + path + " is not a SHA-256: " + output.strip());
        }
        return matcher.group(1);
    }

    private static String line(String... argv) {
        return HostCommand.of(argv).display();
    }
}
