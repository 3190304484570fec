package io.wfdr.restore.windows;

/** The host could not be reached, refused the login or its host key, or the script did not end in time. */
public class WindowsHostFailure extends Exception {

    public WindowsHostFailure(String message, Throwable cause) {
        super(message, cause);
    }

    public WindowsHostFailure(String message) {
        super(message);
    }
}
