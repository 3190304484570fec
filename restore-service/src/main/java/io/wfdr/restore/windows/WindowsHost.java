package io.wfdr.restore.windows;

/**
 * A Windows server the runbook drives with PowerShell (over SSH today; WinRM can be added behind the same
 * interface). A script's values are single-quoted literals ({@link PowerShell#literal}); a secret never appears in a
 * script, only on its standard input.
 */
public interface WindowsHost {

    /** How logs and messages name the host, e.g. {@code WFDR-IPE01:22}. */
    String display();

    /** Runs the script to its end (or its timeout) and returns what it printed and its exit code. */
    PowerShellResult run(PowerShellScript script) throws WindowsHostFailure;
}
