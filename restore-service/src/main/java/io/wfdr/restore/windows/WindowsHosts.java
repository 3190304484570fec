package io.wfdr.restore.windows;

/** Opens a Windows host; its password is resolved from the secret reference only when connecting. */
public interface WindowsHosts {

    WindowsHost open(WindowsTarget target);
}
