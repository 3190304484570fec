package io.wfdr.spine.transfer;

import java.io.IOException;
import java.nio.file.Path;

/** Another copier holds the partial file: this one stays away from it instead of writing over it. */
public class CopyInProgress extends IOException {

    public CopyInProgress(Path partial) {
        super("another copier is writing " + partial + "; this copy leaves it alone");
    }
}
