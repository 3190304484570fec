package io.wfdr.restore.windows;

/** A script ran but failed (a PowerShell error, a refused change) or printed something other than its reply. */
public class WindowsScriptFailure extends Exception {

    public WindowsScriptFailure(String message) {
        super(message);
    }

    public WindowsScriptFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
