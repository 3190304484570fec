package io.wfdr.snapshot.nbd;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

import io.wfdr.snapshot.qemu.ImageExtent;

/**
 * The extents of an export a block status context marks (a dirty bitmap's dirty areas, the allocated data of a
 * disk), and the copy of exactly those extents from one export into another at the same offsets.
 */
public final class ChangedBlocks {

    /** A dirty bitmap's extents that are dirty. */
    public static final IntPredicate DIRTY = flags -> (flags & 1) != 0;
    /** {@link NbdConnection#ALLOCATION}'s extents that hold data (not holes). */
    public static final IntPredicate DATA = flags -> (flags & 1) == 0;

    private ChangedBlocks() {
    }

    /** The areas whose flags in {@code context} pass {@code wanted}, adjacent ones joined. */
    public static List<ImageExtent> marked(NbdConnection export, String context, IntPredicate wanted)
            throws IOException {
        List<ImageExtent> marked = new ArrayList<>();
        long offset = 0;
        while (offset < export.size()) {
            int ask = (int) Math.min(export.size() - offset, 1L << 30);
            List<NbdExtent> extents = export.blockStatus(context, offset, ask);
            if (extents.isEmpty()) {
                throw new NbdFailure("the block status of " + context + " stopped at offset " + offset);
            }
            for (NbdExtent extent : extents) {
                long length = Math.min(extent.length(), export.size() - extent.offset());
                if (wanted.test(extent.flags()) && length > 0) {
                    join(marked, new ImageExtent(extent.offset(), length, false));
                }
                offset = extent.offset() + extent.length();
            }
        }
        return marked;
    }

    private static void join(List<ImageExtent> extents, ImageExtent next) {
        if (!extents.isEmpty()) {
            ImageExtent last = extents.get(extents.size() - 1);
            if (last.offset() + last.length() == next.offset()) {
                extents.set(extents.size() - 1, new ImageExtent(last.offset(), last.length() + next.length(), false));
                return;
            }
        }
        extents.add(next);
    }

    /** Copies the extents from {@code source} into {@code target} and flushes it; returns the bytes copied. */
    public static long copy(NbdConnection source, NbdConnection target, List<ImageExtent> extents) throws IOException {
        byte[] buffer = new byte[(int) Math.min(NbdConnection.MAX_REQUEST, 4L << 20)];
        long copied = 0;
        for (ImageExtent extent : extents) {
            for (long done = 0; done < extent.length(); ) {
                int length = (int) Math.min(buffer.length, extent.length() - done);
                source.read(extent.offset() + done, buffer, length);
                target.write(extent.offset() + done, buffer, length);
                done += length;
                copied += length;
            }
        }
        target.flush();
        return copied;
    }
}
