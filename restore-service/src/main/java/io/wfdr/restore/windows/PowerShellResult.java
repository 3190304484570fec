package io.wfdr.restore.windows;

/** What a script printed and how it ended (0 = success). */
public record PowerShellResult(int exitCode, String stdout, String stderr) {

    public boolean succeeded() {
        return exitCode == 0;
    }
}
