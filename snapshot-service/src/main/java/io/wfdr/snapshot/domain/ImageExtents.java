package io.wfdr.snapshot.domain;

import java.util.List;

import io.wfdr.snapshot.qemu.ImageExtent;

/** Sums over a snapshot's extents. */
public final class ImageExtents {

    private ImageExtents() {
    }

    /** The bytes of data the extents carry (extents recorded as zeros carry none). */
    public static long dataBytes(List<ImageExtent> extents) {
        return extents.stream().filter(extent -> !extent.zero()).mapToLong(ImageExtent::length).sum();
    }
}
