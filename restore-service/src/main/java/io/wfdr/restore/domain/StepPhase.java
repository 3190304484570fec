package io.wfdr.restore.domain;

/** The three phases of every step: is the effect already there, make it so, is it so now. */
public enum StepPhase {
    CHECK, ACT, VERIFY
}
