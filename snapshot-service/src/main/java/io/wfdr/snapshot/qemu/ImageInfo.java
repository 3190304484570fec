package io.wfdr.snapshot.qemu;

/**
 * What {@code qemu-img info} says of an image: its format, the disk size the guest sees, its cluster size (the
 * granularity of an overlay's changed data) and the backing file it names, exactly as written in the image.
 */
public record ImageInfo(String format, long virtualSize, long clusterSize, String backingFile) {

    public boolean hasBacking() {
        return backingFile != null && !backingFile.isEmpty();
    }
}
