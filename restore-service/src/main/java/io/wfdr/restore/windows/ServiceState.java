package io.wfdr.restore.windows;

/**
 * A Windows service as {@code Get-Service} reports it: Running, Stopped, StopPending, StartPending, Paused, ... or
 * {@code Missing} when no service has that name (an answer the runbook acts on, not an error).
 */
public record ServiceState(String name, String status) {

    public static final String MISSING = "Missing";

    public boolean running() {
        return "Running".equals(status);
    }

    public boolean stopped() {
        return "Stopped".equals(status);
    }

    public boolean missing() {
        return MISSING.equals(status);
    }
}
