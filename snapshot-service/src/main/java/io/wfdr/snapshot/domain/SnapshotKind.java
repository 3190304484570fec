package io.wfdr.snapshot.domain;

/** The guide's two snapshots of a VM: a full daily when the VM is quiet, incrementals through the day. */
public enum SnapshotKind { FULL, INCREMENTAL }
