package io.wfdr.restore.service.recovery;

/**
 * What a step's verification found: its effect holds ({@code PASSED}), not yet (a state the world will reach — a
 * server coming online, a service stopping — checked again until the step's wait limit), or {@code FAILED}.
 */
public record Verification(Result result, String says) {

    public enum Result { PASSED, NOT_YET, FAILED }

    public static Verification passed(String says) {
        return new Verification(Result.PASSED, says);
    }

    public static Verification notYet(String says) {
        return new Verification(Result.NOT_YET, says);
    }

    public static Verification failed(String says) {
        return new Verification(Result.FAILED, says);
    }
}
