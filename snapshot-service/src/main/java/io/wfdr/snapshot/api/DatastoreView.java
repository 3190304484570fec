package io.wfdr.snapshot.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A VM host's datastore folders as this service reaches them")
public record DatastoreView(String hostId, String snapshotFolder, String diskFolder, long revision) {
}
