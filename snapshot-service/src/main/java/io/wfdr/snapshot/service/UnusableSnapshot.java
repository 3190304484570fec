package io.wfdr.snapshot.service;

import java.util.List;

/** A snapshot a revert or rebuild was asked to use failed its check: nothing was changed, and these are the reasons. */
public class UnusableSnapshot extends RuntimeException {

    private final List<String> problems;

    public UnusableSnapshot(String snapshotId, List<String> problems) {
        super("snapshot " + snapshotId + " cannot be used: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
