package io.wfdr.snapshot.qemu;

/**
 * A run of bytes of a virtual disk, by its offset in the guest's view of the disk; {@code zero} when the image
 * records it as zeros (a changed extent that carries no data to ship, only the fact).
 */
public record ImageExtent(long offset, long length, boolean zero) {

    public ImageExtent {
        if (offset < 0 || length <= 0) {
            throw new IllegalArgumentException("an extent has a non-negative offset and a positive length");
        }
    }
}
