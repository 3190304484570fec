package io.wfdr.restore.windows;

import java.time.Duration;

/**
 * A script to run: its text (every value a single-quoted literal), an optional secret written to its standard input
 * (never part of the text, never logged), whether it must run in 32-bit PowerShell ({@code SysWOW64}: the 32-bit ODBC
 * stack on a 64-bit machine), and how long it may take.
 */
public record PowerShellScript(String purpose, String text, String stdin, boolean x86, Duration timeout) {

    @Override
    public String toString() {
        return purpose;
    }
}
