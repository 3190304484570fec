package io.wfdr.restore.service.recovery;

/**
 * What a step found before acting: its effect already there ({@code DONE}), not there ({@code NEEDED}), or — only a
 * step that cannot tell — {@code UNKNOWN}. An interrupted step whose action cannot be repeated is never re-run on
 * an UNKNOWN.
 */
public record Check(State state, String says) {

    public enum State { DONE, NEEDED, UNKNOWN }

    public static Check done(String says) {
        return new Check(State.DONE, says);
    }

    public static Check needed(String says) {
        return new Check(State.NEEDED, says);
    }

    public static Check unknown(String says) {
        return new Check(State.UNKNOWN, says);
    }
}
