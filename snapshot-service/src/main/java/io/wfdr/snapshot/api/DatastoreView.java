package io.wfdr.snapshot.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A VM host's datastore folders, and how this service reaches them (no ssh: mounted here)")
public record DatastoreView(String hostId, String snapshotFolder, String diskFolder,
        @JsonInclude(JsonInclude.Include.NON_NULL) SshAccess ssh, long revision) {
}
