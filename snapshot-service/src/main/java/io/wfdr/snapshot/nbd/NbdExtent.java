package io.wfdr.snapshot.nbd;

/** One extent of a block status reply: where it starts, how long it is, the context's flags for it. */
public record NbdExtent(long offset, long length, int flags) {
}
