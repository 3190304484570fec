package io.wfdr.snapshot.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The VM hosts' programs and the folders snapshots are worked in. */
@ConfigMapping(prefix = "wfdr.snapshot.engine")
public interface EngineConfig {

    @WithDefault("virsh")
    String virsh();

    @WithDefault("qemu-img")
    String qemuImg();

    @WithDefault("qemu-nbd")
    String qemuNbd();

    /** The user QEMU runs as (Debian's libvirt: libvirt-qemu); the files it must open are given to it. */
    Optional<String> qemuUser();

    /** Backup job descriptions and scratch files, per VM. */
    @WithDefault("${java.io.tmpdir}/wfdr-snapshot/work")
    String workFolder();

    /** The unix sockets of point-in-time exports: a short path (a socket's must stay under 108 bytes). */
    @WithDefault("/tmp/wfdr-sockets")
    String socketFolder();

    /** How long one host command (a full's copy, a define) may take. */
    @WithDefault("2h")
    Duration commandTimeout();

    /** How long connecting and logging on to a VM host whose datastore is reached over SSH may take. */
    @WithDefault("20s")
    Duration sshConnectTimeout();

    /** Operations run at the same time. */
    @WithDefault("2")
    int workers();
}
