package io.wfdr.snapshot.replication;

import java.util.regex.Pattern;

import io.wfdr.snapshot.datastore.ManifestFiles;
import io.wfdr.spine.transfer.VerifiedCopier;

/**
 * What a replica or a snapshot may be called at the DR datastore: a plain file name (no folder, nothing a shell
 * would read as an option), and none of the names the datastore keeps for its own files (partials, manifests).
 */
final class ReplicaNames {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.+-]{0,199}");

    private ReplicaNames() {
    }

    static String file(String name) {
        plain(name, "a replica's name");
        if (name.endsWith(VerifiedCopier.PARTIAL) || ManifestFiles.isManifest(name)) {
            throw new IllegalArgumentException("the DR datastore keeps names ending in " + VerifiedCopier.PARTIAL
                    + " or " + ManifestFiles.SUFFIX + " for its own files: " + name);
        }
        return name;
    }

    /** A path as the DR host names it: absolute, no . or .. parts, nothing a terminal would act on. */
    static String absolutePath(String path) {
        if (path == null || !path.startsWith("/") || path.endsWith("/") || path.contains("//")
                || path.contains("/./") || path.contains("/../") || path.endsWith("/.") || path.endsWith("/..")
                || path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("a path at the DR host must be absolute, without . or .. parts: "
                    + path);
        }
        return path;
    }

    /** The folder of an absolute path. */
    static String folderOf(String path) {
        int slash = absolutePath(path).lastIndexOf('/');
        return slash == 0 ? "/" : path.substring(0, slash);
    }

    static String snapshotId(String snapshotId) {
        return plain(snapshotId, "a snapshot id");
    }

    private static String plain(String name, String what) {
        if (name == null || !PLAIN.matcher(name).matches() || name.contains("..")) {
            throw new IllegalArgumentException(what + " must be a plain file name (letters, digits, . _ + -): "
                    + name);
        }
        return name;
    }
}
