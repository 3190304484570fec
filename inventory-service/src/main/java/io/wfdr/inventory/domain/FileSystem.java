package io.wfdr.inventory.domain;

/** The file system of a server's system and data volumes. The guide supports NTFS only; FAT partitions are not supported. */
public enum FileSystem {
    NTFS, REFS, FAT, FAT32, EXFAT
}
