package io.wfdr.restore.sqlserver;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A volume as SQL Server reports it: where it is mounted ({@code D:\}, {@code D:\Mounts\Data\}, {@code /}) and its
 * free bytes. The one that holds a folder is the one with the longest mount point the folder starts with, so a
 * mount point wins over the drive it is mounted on.
 */
record Volume(String mountPoint, long freeBytes) {

    static Optional<Volume> holding(String folder, List<Volume> volumes) {
        Volume best = null;
        for (Volume volume : volumes) {
            if (volume.holds(folder) && (best == null || volume.mountPoint.length() > best.mountPoint.length())) {
                best = volume;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Windows paths compare case-insensitively; Linux paths (starting with /) as they are. */
    boolean holds(String folder) {
        if (mountPoint == null || mountPoint.isEmpty() || folder == null) {
            return false;
        }
        String mount = withSeparator(mountPoint);
        String path = withSeparator(folder);
        return folder.startsWith("/") ? path.startsWith(mount)
                : path.toUpperCase(Locale.ROOT).startsWith(mount.toUpperCase(Locale.ROOT));
    }

    private static String withSeparator(String path) {
        String separator = path.startsWith("/") ? "/" : "\\";
        return path.endsWith(separator) ? path : path + separator;
    }
}
