package io.wfdr.spine.transfer;

import java.io.IOException;

/** The bytes at the destination are not the bytes that were sent: the copy is not recorded as good. */
public class CopyVerificationFailed extends IOException {

    public CopyVerificationFailed(String message) {
        super(message);
    }
}
