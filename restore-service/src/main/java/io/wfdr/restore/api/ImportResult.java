package io.wfdr.restore.api;

import java.util.List;

/** What a catalog import found: sets added, sets already known, copies recorded, and what it could not take. */
public record ImportResult(int imported, int alreadyKnown, int copiesRecorded, List<String> problems) {
}
