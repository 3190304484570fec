package io.wfdr.spine.contract;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** What makes a rename survive a power cut: the directory entry itself is flushed, not only the file. */
public final class Durable {

    private Durable() {
    }

    public static void syncDirectory(Path directory) throws IOException {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }
}
