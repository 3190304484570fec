package io.wfdr.snapshot.datastore;

import io.wfdr.snapshot.domain.SnapshotManifest;
import io.wfdr.spine.contract.ContractJson;

/**
 * How every datastore, however reached, keeps a snapshot's manifest: {@code <snapshotId>.manifest.json} holding the
 * contract's JSON, written first under {@code <snapshotId>.manifest.json.partial} and then renamed into place.
 */
public final class ManifestFiles {

    public static final String SUFFIX = ".manifest.json";
    private static final String TEMPORARY = ".partial";

    private ManifestFiles() {
    }

    public static String nameOf(String snapshotId) {
        return snapshotId + SUFFIX;
    }

    public static String temporaryNameOf(String snapshotId) {
        return nameOf(snapshotId) + TEMPORARY;
    }

    /** Whether a file of the datastore is a manifest under its final name (a temporary one is not). */
    public static boolean isManifest(String fileName) {
        return fileName.endsWith(SUFFIX) && fileName.length() > SUFFIX.length();
    }

    public static String json(SnapshotManifest manifest) {
        return ContractJson.write(manifest);
    }

    public static SnapshotManifest parse(String json) {
        return ContractJson.read(json, SnapshotManifest.class);
    }
}
