package io.wfdr.snapshot.libvirt;

import java.nio.file.Path;

/** The XML documents of a pull-mode backup job and of the checkpoint it creates. */
final class BackupXml {

    private BackupXml() {
    }

    /** @param since the checkpoint an incremental starts from, or null for a full */
    static String pull(String disk, String since, Path socket, Path scratch) {
        String incremental = since == null ? "" : "  <incremental>" + escape(since) + "</incremental>\n";
        return "<domainbackup mode='pull'>\n" + incremental
                + "  <server transport='unix' socket='" + escape(socket.toString()) + "'/>\n"
                + "  <disks>\n    <disk name='" + escape(disk) + "' backup='yes' type='file'>\n"
                + "      <scratch file='" + escape(scratch.toString()) + "'/>\n    </disk>\n  </disks>\n"
                + "</domainbackup>\n";
    }

    static String checkpoint(String name, String disk) {
        return "<domaincheckpoint>\n  <name>" + escape(name) + "</name>\n  <disks>\n    <disk name='" + escape(disk)
                + "' checkpoint='bitmap'/>\n  </disks>\n</domaincheckpoint>\n";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;")
                .replace("\"", "&quot;");
    }
}
