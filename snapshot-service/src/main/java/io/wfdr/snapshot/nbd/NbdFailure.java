package io.wfdr.snapshot.nbd;

import java.io.IOException;

/** An NBD server refused the handshake or a request, or broke the protocol. */
public class NbdFailure extends IOException {

    public NbdFailure(String message) {
        super(message);
    }
}
