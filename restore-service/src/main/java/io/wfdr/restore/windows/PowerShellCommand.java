package io.wfdr.restore.windows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The command line that runs a script on Windows. Windows OpenSSH hands an exec request to {@code cmd.exe /c}, so the
 * script travels as {@code -EncodedCommand} (Base64 of its UTF-16LE text): no cmd.exe or PowerShell quoting layer
 * sees it, and any Unicode in its literals arrives intact. 32-bit scripts run in SysWOW64's PowerShell, the only one
 * that sees the 32-bit ODBC drivers and DSNs of a 64-bit machine.
 */
public final class PowerShellCommand {

    /** 64-bit Windows PowerShell, found on the PATH of the (64-bit) OpenSSH server. */
    public static final String POWERSHELL_64 = "powershell.exe";
    public static final String POWERSHELL_32 = "C:\\Windows\\SysWOW64\\WindowsPowerShell\\v1.0\\powershell.exe";

    /** cmd.exe's limit on a command line; longer ones are cut, so they are refused before they are sent. */
    public static final int MAX_LENGTH = 8191;

    private static final String OPTIONS =
            " -NoLogo -NoProfile -NonInteractive -ExecutionPolicy Bypass -EncodedCommand ";

    private PowerShellCommand() {
    }

    public static String executable(PowerShellScript script) {
        return script.x86() ? POWERSHELL_32 : POWERSHELL_64;
    }

    /** The command line, or IllegalArgumentException when the script is too long for cmd.exe. */
    public static String of(PowerShellScript script) {
        String executable = executable(script);
        String quoted = executable.indexOf(' ') < 0 ? executable : '"' + executable + '"';
        String command = quoted + OPTIONS + encode(script.text());
        if (command.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("the script \"" + script.purpose() + "\" is too long for a Windows "
                    + "command line (" + command.length() + " of at most " + MAX_LENGTH + " characters)");
        }
        return command;
    }

    static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_16LE));
    }
}
