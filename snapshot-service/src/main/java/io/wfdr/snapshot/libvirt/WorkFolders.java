package io.wfdr.snapshot.libvirt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;

/**
 * Folders QEMU itself opens (backup sockets, scratch files, disks): they must belong to the user QEMU runs as
 * (Debian's libvirt: {@code libvirt-qemu}), or QEMU is refused with "Permission denied".
 */
public class WorkFolders {

    private final String qemuUser;
    private final Path sockets;

    /**
     * @param qemuUser the user QEMU runs as, or blank to leave ownership as it is
     * @param sockets a folder with a short path: a unix socket's path must be shorter than 108 bytes
     */
    public WorkFolders(String qemuUser, Path sockets) {
        this.qemuUser = qemuUser;
        this.sockets = sockets;
    }

    /** A socket path for {@code purpose}, short whatever the purpose's length, in a folder QEMU can reach. */
    public Path socket(String purpose) {
        prepare(sockets);
        return socketPath(purpose);
    }

    /** The socket path {@link #socket} gives for {@code purpose}, preparing nothing (for a script-only answer). */
    public Path socketPath(String purpose) {
        return sockets.resolve(java.util.UUID.nameUUIDFromBytes(
                purpose.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString().substring(0, 18) + ".sock");
    }

    public Path prepare(Path folder) {
        try {
            Files.createDirectories(folder);
            handOver(folder);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + folder + " for QEMU", e);
        }
    }

    /** Gives a file or folder to QEMU's user, where this process may (as root); elsewhere it stays as it is. */
    public void handOver(Path path) throws IOException {
        if (qemuUser == null || qemuUser.isBlank()) {
            return;
        }
        UserPrincipal owner;
        try {
            owner = path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(qemuUser);
        } catch (java.nio.file.attribute.UserPrincipalNotFoundException e) {
            return;
        }
        if (!owner.equals(Files.getOwner(path))) {
            try {
                Files.setOwner(path, owner);
            } catch (java.nio.file.FileSystemException e) {
                // not root: the folder's own permissions must then let QEMU in
            }
        }
    }
}
